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

    public long TotalErrors => _steps.Values.Sum(s => s.Errors);

    public long TotalRequests => _steps.Values.Sum(s => (long)s.LatenciesMs.Count);

    /// <summary>One line a step: count, rps over the measured window, p50/p95/p99 and errors.</summary>
    public IEnumerable<string> Report(TimeSpan window)
    {
        yield return $"{"step",-18} {"count",8} {"rps",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}";
        foreach (var (name, step) in _steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            double[] sorted;
            lock (step)
            {
                sorted = [.. step.LatenciesMs.Order()];
            }

            yield return string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {sorted.Length,8} {sorted.Length / window.TotalSeconds,8:N1} {Percentile(sorted, 0.50),8:N1} {Percentile(sorted, 0.95),8:N1} {Percentile(sorted, 0.99),8:N1} {step.Errors,7}");
            foreach (var error in step.SampleErrors)
            {
                yield return $"    e.g. {error}";
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class Step
    {
        public List<double> LatenciesMs { get; } = [];
        public long Errors { get; set; }
        public List<string> SampleErrors { get; } = [];
    }
}
