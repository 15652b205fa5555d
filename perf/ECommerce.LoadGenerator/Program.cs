using ECommerce.LoadGenerator;

// Usage (docs/benchmarks.md, docs/reliability.md):
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --users 50 --ramp 20 --duration 120
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --faults --users 20 --ramp 10 --duration 360 --settle 240
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --steps 25,75,150,300 --step-seconds 20 --think-ms 100 [--restock 1000]
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --replicas 2 --faults ...   (every service twice)
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --checkout-only --users 8 --think-ms 0 --duration 90 --idle-seconds 30
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --gateway http://localhost:5080 --connection productsdb=... (one per database)
var options = LoadOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var log = Console.Out;
if (options.RampSteps.Count > 0)
{
    return await RunRampAsync(options, log, cancel.Token);
}

log.WriteLine($"users {options.Users}, ramp {options.Ramp.TotalSeconds} s, duration {options.Duration.TotalSeconds} s, seed {options.Seed}, " +
    $"think {options.ThinkTime.TotalMilliseconds} ms, anonymous {options.AnonymousShare:P0}, faults {options.Faults}, " +
    $"checkout only {options.CheckoutOnly}, " +
    $"replicas {options.Replicas}");

LoadResult result;
List<string> faults = [];
if (options.StartAppHost)
{
    await using var system = await AppHostSystem.StartAsync(log, cancel.Token, options.Shedding, options.Replicas, options.Priority, options.Journeys, options.CheckoutFirst, options.Dashboard);
    var connections = await AppHostSystem.ConnectionStringsAsync(system.App, cancel.Token);
    var injector = new FaultInjector(system.App, log);
    result = await LoadSession.RunAsync(options, system.Gateway, connections, log,
        options.Faults ? ct => injector.RunAsync(options.Ramp + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), ct) : null, cancel.Token);
    faults = injector.Timeline;
    if (system.TelemetryExports is { } exports)
    {
        log.WriteLine($"telemetry: the services' {exports:N0} exports accepted and dropped (--dashboard sends them to the Aspire dashboard)");
    }
}
else
{
    if (options.Faults)
    {
        log.WriteLine("--faults needs --apphost (faults act on the AppHost's resources).");
        return 2;
    }

    result = await LoadSession.RunAsync(options, options.Gateway!, options.ConnectionStrings, log, null, cancel.Token);
}

LoadSession.Print(result, log);
foreach (var line in faults)
{
    log.WriteLine("fault: " + line);
}

// 1: an invariant is violated; 3: requests failed unexpectedly (expected during fault runs, so not counted there).
return result.Invariants.Violations > 0 || result.Outcomes.PaidWithDecliningCard > 0 ? 1
    : result.Stats.TotalErrors > 0 && !options.Faults ? 3 : 0;

// The load ramp: one system, the steps in turn, the curve, then the invariants (1 when one is violated, 3 when requests failed).
static async Task<int> RunRampAsync(LoadOptions options, TextWriter log, CancellationToken ct)
{
    log.WriteLine($"ramp {string.Join(',', options.RampSteps)} shoppers, {options.StepDuration.TotalSeconds} s a step, think {options.ThinkTime.TotalMilliseconds} ms, " +
        $"shedding {options.Shedding}, priority {options.Priority}, journeys first {options.Journeys}, checkout first {options.CheckoutFirst}, " +
        $"load average {RampSession.LoadAverage()} at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    await using var system = options.StartAppHost ? await AppHostSystem.StartAsync(log, ct, options.Shedding, options.Replicas, options.Priority, options.Journeys, options.CheckoutFirst) : null;
    var gateway = system?.Gateway ?? options.Gateway!;
    var connections = system is null ? options.ConnectionStrings : await AppHostSystem.ConnectionStringsAsync(system.App, ct);
    var (steps, invariants, settled) = await RampSession.RunAsync(options, gateway, connections, log, ct);
    RampSession.Print(steps, invariants, settled, log);
    return invariants.Violations > 0 || steps.Any(s => s.Outcomes.PaidWithDecliningCard > 0) ? 1
        : steps.Any(s => s.Stats.TotalErrors > 0) ? 3 : 0;
}
