using ECommerce.LoadGenerator;

// Usage (docs/benchmarks.md, docs/reliability.md):
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --users 50 --ramp 20 --duration 120
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --faults --users 20 --ramp 10 --duration 360 --settle 240
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --apphost --replicas 2 --faults ...   (every service twice)
//   dotnet run -c Release --project perf/ECommerce.LoadGenerator -- --gateway http://localhost:5080 --connection productsdb=... (one per database)
var options = LoadOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var log = Console.Out;
log.WriteLine($"users {options.Users}, ramp {options.Ramp.TotalSeconds} s, duration {options.Duration.TotalSeconds} s, seed {options.Seed}, " +
    $"think {options.ThinkTime.TotalMilliseconds} ms, anonymous {options.AnonymousShare:P0}, faults {options.Faults}, " +
    $"replicas {options.Replicas}");

LoadResult result;
List<string> faults = [];
if (options.StartAppHost)
{
    await using var system = await AppHostSystem.StartAsync(log, cancel.Token, options.Replicas);
    var connections = await AppHostSystem.ConnectionStringsAsync(system.App, cancel.Token);
    var injector = new FaultInjector(system.App, log);
    result = await LoadSession.RunAsync(options, system.Gateway, connections, log,
        options.Faults ? ct => injector.RunAsync(options.Ramp + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), ct) : null, cancel.Token);
    faults = injector.Timeline;
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
