using System.Net;

namespace ECommerce.LoadGenerator;

/// <summary>What a run measured: per-step statistics, how orders ended, the settle time and the invariants.</summary>
public sealed record LoadResult(StepStats Stats, CheckoutOutcomes Outcomes, TimeSpan Elapsed, TimeSpan SettledAfter, InvariantReport Invariants, string BasketSource)
{
    /// <summary>Where the CPU went from the first shopper to the settled system (null when not measured).</summary>
    public CpuReport? Cpu { get; init; }

    /// <summary>What each database did over the same window.</summary>
    public IReadOnlyList<(string Database, long[] Counts)> Databases { get; init; } = [];

    public IReadOnlyList<StatementLedger.Statement> Statements { get; init; } = [];
}

/// <summary>
/// A whole run against a started system: register the customers, load the catalog and basket mixes, drive the
/// journeys (with an optional fault script alongside), wait for the system to settle, check the invariants.
/// The console tool and the CI test both run this.
/// </summary>
public static class LoadSession
{
    public static HttpClient CreateClient(Uri gateway) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = DecompressionMethods.All,
    })
    { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<LoadResult> RunAsync(
        LoadOptions options, Uri gateway, IReadOnlyDictionary<string, string> connectionStrings, TextWriter log,
        Func<CancellationToken, Task>? faults, CancellationToken ct)
    {
        using var client = CreateClient(gateway);
        if (options.WarmSeconds > 0)
        {
            log.WriteLine($"letting the system run {options.WarmSeconds} s before measuring");
            await Task.Delay(TimeSpan.FromSeconds(options.WarmSeconds), ct);
        }

        var (catalog, baskets, basketSource, customers) = await PrepareAsync(client, options, options.Users, log, ct);

        var stats = new StepStats();
        var outcomes = new CheckoutOutcomes();
        var journey = new ShopperJourney(options, gateway, new GatewayCalls(client, stats), catalog, baskets, customers, outcomes)
        {
            PollFor = options.Faults ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(30),
        };

        if (options.WarmLoadSeconds > 0)
        {
            await WarmUpAsync(options, gateway, client, catalog, baskets, customers, log, ct);
        }

        using var stopFaults = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var faultRun = faults?.Invoke(stopFaults.Token) ?? Task.CompletedTask;
        CpuReport? idle = null;
        if (options.IdleSeconds > 0)
        {
            log.WriteLine($"measuring the idle system's CPU for {options.IdleSeconds} s before the load");
            using var idleLedger = CpuLedger.Start();
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), ct);
            idle = idleLedger.Stop(TimeSpan.FromSeconds(options.IdleSeconds));
        }

        var databases = await DatabaseLedger.StartAsync(connectionStrings, ct);
        var statements = await StatementLedger.StartAsync(connectionStrings, ct);
        using var cpu = CpuLedger.Start();
        var elapsed = await new LoadRunner(options, (user, visit, token) => RunGuardedAsync(journey, stats, user, visit, token)).RunAsync(ct);
        await faultRun;

        log.WriteLine($"load finished after {elapsed.TotalSeconds:0.0} s; waiting up to {options.Settle.TotalSeconds:0} s for the system to settle");
        var checker = new InvariantChecker(connectionStrings);
        var settled = await checker.WaitUntilSettledAsync(options.Settle, ct);
        // The window ends when the last placed order has settled: its saga's work is the checkout's cost too.
        var cpuReport = cpu.Stop(elapsed + settled) with { Idle = idle };
        var databaseReport = await databases.StopAsync(ct);
        var statementReport = await statements.StopAsync(ct);
        var invariants = await checker.CheckAsync(ct);
        return new LoadResult(stats, outcomes, elapsed, settled, invariants, basketSource) { Cpu = cpuReport, Databases = databaseReport, Statements = statementReport };
    }

    /// <summary>
    /// The same journeys for <see cref="LoadOptions.WarmLoadSeconds"/>, recorded nowhere but one summary line: a service's
    /// first minutes under a new kind of traffic are spent in the JIT promoting the methods that traffic makes hot (perf
    /// showed 18–38 % of Orders', Products' and Payments' CPU in libclrjit over a cold 90 s window), which a service
    /// that has been taking orders for an hour no longer pays. Its orders settle before the measurement starts.
    /// </summary>
    private static async Task WarmUpAsync(
        LoadOptions options, Uri gateway, HttpClient client, Catalog catalog, IReadOnlyList<Basket> baskets, Customer[] customers,
        TextWriter log, CancellationToken ct)
    {
        log.WriteLine($"warming up: the same load for {options.WarmLoadSeconds} s, not measured");
        var stats = new StepStats();
        var outcomes = new CheckoutOutcomes();
        var journey = new ShopperJourney(options, gateway, new GatewayCalls(client, stats), catalog, baskets, customers, outcomes)
        {
            PollFor = TimeSpan.FromSeconds(30),
        };
        var warm = options with { Duration = TimeSpan.FromSeconds(options.WarmLoadSeconds) };
        // Visit numbers of their own, so the measured run does not repeat the warm-up's baskets in the same order.
        var elapsed = await new LoadRunner(warm, (user, visit, token) => RunGuardedAsync(journey, stats, user, visit + 1_000_000, token)).RunAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        log.WriteLine($"warm-up: {stats.TotalRequests} requests, {stats.TotalErrors} errors, {outcomes.Paid} paid " +
            $"({outcomes.Paid / elapsed.TotalSeconds:0.00}/s)");
    }

    /// <summary>The catalog, the basket mixes and <paramref name="shoppers"/> customers registered up front.</summary>
    public static async Task<(Catalog Catalog, IReadOnlyList<Basket> Baskets, string BasketSource, Customer[] Customers)> PrepareAsync(
        HttpClient client, LoadOptions options, int shoppers, TextWriter log, CancellationToken ct)
    {
        var catalog = await Catalog.LoadAsync(client, ct);
        var baskets = BasketMixes.Load(options.DatasetPath, catalog, options.Seed, out var basketSource);
        log.WriteLine($"catalog: {catalog.Products.Count} products, {catalog.Categories.Count} categories; baskets: {basketSource}");

        // Customers are registered up front (a few at a time), as accounts that already exist when traffic starts.
        var customers = new Customer[Math.Max(1, shoppers)];
        await Parallel.ForEachAsync(Enumerable.Range(0, customers.Length), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => customers[i] = await Customers.RegisterAsync(client, options.Seed, i, token));
        log.WriteLine($"registered {customers.Length} customers");
        return (catalog, baskets, basketSource, customers);
    }

    // A journey that breaks unexpectedly (an answer of the wrong shape) is an error of the run, not the end of the shopper.
    internal static async Task RunGuardedAsync(ShopperJourney journey, StepStats stats, int user, int visit, CancellationToken ct)
    {
        try
        {
            await journey.RunAsync(user, visit, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stats.Record("journey-failed", TimeSpan.Zero, ok: false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static void Print(LoadResult result, TextWriter log)
    {
        log.WriteLine();
        foreach (var line in result.Stats.Report(result.Elapsed))
        {
            log.WriteLine(line);
        }

        log.WriteLine($"total {result.Stats.TotalRequests} requests in {result.Elapsed.TotalSeconds:0.0} s " +
            $"({result.Stats.TotalRequests / result.Elapsed.TotalSeconds:0.0} rps), {result.Stats.TotalErrors} errors");
        log.WriteLine(result.Outcomes.ToString());
        log.WriteLine($"paid orders per second of load: {result.Outcomes.Paid / result.Elapsed.TotalSeconds:0.00}");
        log.WriteLine($"settled {result.SettledAfter.TotalSeconds:0.0} s after the load");
        log.WriteLine();
        foreach (var line in (result.Cpu?.Lines((int)result.Outcomes.Paid) ?? [])
            .Concat(DatabaseLedger.Lines(result.Databases, result.Outcomes.Paid))
            .Concat(StatementLedger.Lines(result.Statements, result.Outcomes.Paid)))
        {
            log.WriteLine(line);
        }

        log.WriteLine();
        foreach (var line in result.Invariants.Lines())
        {
            log.WriteLine(line);
        }
    }
}
