using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>What one ramp step measured: its shoppers, every call it made, and how its orders ended.</summary>
public sealed record RampStep(int Shoppers, TimeSpan Elapsed, StepStats Stats, CheckoutOutcomes Outcomes)
{
    public double RequestsPerSecond => Stats.TotalRequests / Elapsed.TotalSeconds;

    public double PaidPerSecond => Outcomes.Paid / Elapsed.TotalSeconds;

    /// <summary>Shed answers over all answers (a retried call counts each answer).</summary>
    public double ShedShare => Stats.TotalShed / (double)Math.Max(1, Stats.TotalRequests + Stats.TotalShed);
}

/// <summary>
/// The load ramp (<c>--steps 25,75,150,300 --step-seconds 20</c>): the shopper journey at each shopper count in turn,
/// each step's figures printed as it ends, one table of the curve, then the settle and the invariants once at the end.
/// Throughput that falls as shoppers rise past the peak is what admission control is meant to prevent (docs/benchmarks.md).
/// </summary>
public static class RampSession
{
    // The steps whose p95 the curve shows: a read, a write, and the checkout itself.
    private static readonly string[] CurveSteps = ["browse", "add-to-cart", "checkout"];

    public static async Task<(IReadOnlyList<RampStep> Steps, InvariantReport Invariants, TimeSpan SettledAfter)> RunAsync(
        LoadOptions options, Uri gateway, IReadOnlyDictionary<string, string> connectionStrings, TextWriter log, CancellationToken ct)
    {
        using var client = LoadSession.CreateClient(gateway);
        var (catalog, baskets, _, customers) = await LoadSession.PrepareAsync(client, options, options.RampSteps.Max(), log, ct);

        // Signed in up front, a few at a time: the steps measure shopping, not a storm of password hashes as each new
        // step's shoppers arrive (a sign-in is four round trips and a hash; the tokens outlive the ramp).
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (customer, token) =>
        {
            customer.AccessToken = await Customers.SignInAsync(gateway, customer, token);
            customer.SignedInAt = DateTimeOffset.UtcNow;
        });
        log.WriteLine($"signed in {customers.Length} customers; load average {LoadAverage()}");
        // --warm-seconds: the first step then meets the system's steady state, not its start-up work (the first model
        // training, the catalog's embeddings), so steps and runs compare.
        if (options.WarmSeconds > 0)
        {
            log.WriteLine($"letting the system run {options.WarmSeconds} s before the first step");
            await Task.Delay(TimeSpan.FromSeconds(options.WarmSeconds), ct);
            log.WriteLine($"load average {LoadAverage()}");
        }

        List<RampStep> steps = [];
        foreach (var shoppers in options.RampSteps)
        {
            // Each step starts its shoppers over two seconds and runs them for the step's time; tokens carry over.
            if (options.Restock > 0)
            {
                var restocked = await Shelves.RestockAsync(connectionStrings["productsdb"], options.Restock, ct);
                log.WriteLine($"restocked {restocked} products to {options.Restock} units available");
            }

            var stepOptions = options with { Users = shoppers, Ramp = TimeSpan.FromSeconds(2), Duration = options.StepDuration };
            var stats = new StepStats();
            var outcomes = new CheckoutOutcomes();
            var journey = new ShopperJourney(stepOptions, gateway, new GatewayCalls(client, stats), catalog, baskets, customers, outcomes);
            var elapsed = await new LoadRunner(stepOptions, (user, visit, token) => LoadSession.RunGuardedAsync(journey, stats, user, visit, token)).RunAsync(ct);
            var step = new RampStep(shoppers, elapsed, stats, outcomes);
            steps.Add(step);

            log.WriteLine();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {shoppers} shoppers, {elapsed.TotalSeconds:0.0} s: {step.RequestsPerSecond:0.0} req/s, {step.PaidPerSecond:0.00} paid/s, " +
                $"shed {step.ShedShare:P1}, errors {stats.TotalErrors}, load average {LoadAverage()}"));
            foreach (var line in stats.Report(elapsed))
            {
                log.WriteLine(line);
            }

            log.WriteLine(outcomes.ToString());
        }

        log.WriteLine();
        log.WriteLine($"waiting up to {options.Settle.TotalSeconds:0} s for the system to settle");
        var checker = new InvariantChecker(connectionStrings);
        var settled = await checker.WaitUntilSettledAsync(options.Settle, ct);
        var invariants = await checker.CheckAsync(ct);
        return (steps, invariants, settled);
    }

    /// <summary>The curve, one row a step, as docs/benchmarks.md prints it.</summary>
    public static void Print(IReadOnlyList<RampStep> steps, InvariantReport invariants, TimeSpan settledAfter, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine("| shoppers | req/s | paid/s | shed | errors | " + string.Join(" | ", CurveSteps.Select(s => $"{s} p95 ms")) + " |");
        log.WriteLine("| ---: | ---: | ---: | ---: | ---: | " + string.Join(" | ", CurveSteps.Select(_ => "---:")) + " |");
        foreach (var step in steps)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {step.Shoppers} | {step.RequestsPerSecond:0.0} | {step.PaidPerSecond:0.00} | {step.ShedShare:P1} | {step.Stats.TotalErrors} | ") +
                string.Join(" | ", CurveSteps.Select(s => step.Stats.P95(s).ToString("0", CultureInfo.InvariantCulture))) + " |");
        }

        log.WriteLine();
        log.WriteLine($"settled {settledAfter.TotalSeconds:0.0} s after the load");
        foreach (var line in invariants.Lines())
        {
            log.WriteLine(line);
        }
    }

    /// <summary>The machine's 1-minute load average (shared machine: the figures depend on what else ran).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
