using System.Collections.Concurrent;
using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>Latencies and outcomes per journey step, recorded from many virtual users at once.</summary>
public sealed class StepStats
{
    private readonly ConcurrentDictionary<string, Step> _steps = new();

    public void Record(string step, TimeSpan elapsed, bool ok, string? error = null)
    {
        var s = _steps.GetOrAdd(step, _ => new Step());
        lock (s)
        {
            s.LatenciesMs.Add(elapsed.TotalMilliseconds);
            if (!ok)
            {
                s.Errors++;
                if (error is not null && s.SampleErrors.Count < 3)
                {
                    s.SampleErrors.Add(error);
                }
            }
        }
    }

    /// <summary>An answer of 503/429 with Retry-After: the system refused the work before doing it (counted apart, not an error).</summary>
    public void RecordShed(string step, bool gaveUp)
    {
        var s = _steps.GetOrAdd(step, _ => new Step());
        lock (s)
        {
            s.Shed++;
            if (gaveUp)
            {
                s.GaveUp++;
            }
        }
    }

    public long TotalErrors => _steps.Values.Sum(s => s.Errors);

    /// <summary>Answers that were shed (each retried after Retry-After, or given up after the last retry).</summary>
    public long TotalShed => _steps.Values.Sum(s => s.Shed);

    /// <summary>The p95 of one step kind in ms (0 when the step did not run).</summary>
    public double P95(string step)
    {
        if (!_steps.TryGetValue(step, out var s))
        {
            return 0;
        }

        lock (s)
        {
            return Percentile([.. s.LatenciesMs.Order()], 0.95);
        }
    }

    public long TotalRequests => _steps.Values.Sum(s => (long)s.LatenciesMs.Count);

    /// <summary>One line a step: count, rps over the measured window, p50/p95/p99 (including any waits after a shed answer), errors and shed answers.</summary>
    public IEnumerable<string> Report(TimeSpan window)
    {
        yield return $"{"step",-18} {"count",8} {"rps",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"shed",6}";
        foreach (var (name, step) in _steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            double[] sorted;
            lock (step)
            {
                sorted = [.. step.LatenciesMs.Order()];
            }

            yield return string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {sorted.Length,8} {sorted.Length / window.TotalSeconds,8:N1} {Percentile(sorted, 0.50),8:N1} {Percentile(sorted, 0.95),8:N1} {Percentile(sorted, 0.99),8:N1} {step.Errors,7} {step.Shed,6}");
            foreach (var error in step.SampleErrors)
            {
                yield return $"    e.g. {error}";
            }
        }
    }

    /// <summary>The nearest-rank percentile of an ascending array (0 when empty).</summary>
    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Step
    {
        public List<double> LatenciesMs { get; } = [];
        public long Errors { get; set; }
        public long Shed { get; set; }
        public long GaveUp { get; set; }
        public List<string> SampleErrors { get; } = [];
    }
}
