using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ECommerce.Gateway.Benchmarks;

/// <summary>One wrk run's figures: requests per second, latency percentiles, errors.</summary>
internal sealed record WrkResult(string Target, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Errors);

/// <summary>Runs wrk (Debian package) with --latency and reads its summary.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string target, string url, int threads, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", url })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start: apt-get install -y wrk");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed for {url}:\n{output}{await process.StandardError.ReadToEndAsync()}");
        }

        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(e => long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(target, rps, Percentile(output, 50), Percentile(output, 90), Percentile(output, 99), errors);
    }

    private static double Percentile(string output, int percentile)
    {
        var match = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new InvalidOperationException($"wrk printed no {percentile}th percentile:\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
