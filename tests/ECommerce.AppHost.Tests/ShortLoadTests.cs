using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.LoadGenerator;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The CI-sized soak: signed-in shoppers for three minutes through the started system's gateway (browse, search,
/// carts, checkouts with good and declining cards) on the Garnet cache, then the invariants queried from the databases
/// and every health check. Three minutes is past the point where Garnet on its native storage device died for want of
/// libaio. The long runs and the fault runs are commands (docs/benchmarks.md, docs/reliability.md).
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class ShortLoadTests(WholeSystemFixture system)
{
    private static readonly TimeSpan SoakDuration = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Three_minutes_of_shoppers_on_Garnet_fail_no_request_keep_every_invariant_and_leave_every_check_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var cacheStart = CacheStartTime();
        // Signed-in shoppers only: the fixture keeps the gateway's per-client rate limit, and anonymous calls from
        // one test machine would all share one client's allowance.
        var options = new LoadOptions(system.App.GetEndpoint("gateway", "http"), Users: 12, Ramp: TimeSpan.FromSeconds(5),
            Duration: SoakDuration, Seed: 11)
        {
            AnonymousShare = 0,
            ThinkTime = TimeSpan.FromMilliseconds(500),
            Settle = TimeSpan.FromSeconds(60),
            DatasetPath = BasketMixes.DefaultDatasetPath(),
        };
        var log = new StringWriter();

        var result = await LoadSession.RunAsync(options, options.Gateway!, await AppHostSystem.ConnectionStringsAsync(system.App, ct), log, null, ct);

        LoadSession.Print(result, log);
        TestContext.Current.SendDiagnosticMessage(log.ToString());
        Assert.True(result.Stats.TotalErrors == 0, log.ToString());
        Assert.True(result.Outcomes.Placed > 0, "No order was placed: the run did not exercise checkout.\n" + log);
        Assert.Equal(0, result.Outcomes.PaidWithDecliningCard);
        Assert.True(result.Invariants.Violations == 0, log.ToString());
        Assert.True(result.Invariants.OrdersInFlight == 0, "Orders still in flight after settling.\n" + log);

        // The cache is the Garnet started with the system, never restarted: it did not die and come back.
        var cacheCommand = CacheCommandLine();
        Assert.Contains("garnet-server", cacheCommand, StringComparison.Ordinal);
        Assert.Contains("--device-type RandomAccess", cacheCommand, StringComparison.Ordinal);
        Assert.Equal(cacheStart, CacheStartTime());
        foreach (var name in WholeSystemFixture.ResourceNames)
        {
            Assert.True(system.App.ResourceNotifications.TryGetCurrentState(name, out var state), name);
            Assert.True(state.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                $"{name} is {state.Snapshot.HealthStatus} after the soak ({string.Join(", ", state.Snapshot.HealthReports.Select(r => $"{r.Name}: {r.Status} {r.Description}"))})");
        }

        using var client = system.CreateGatewayClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/health", ct);
        Assert.True(health.GetProperty("status").GetString() == "Healthy", health.ToString());
    }

    private DateTime? CacheStartTime() =>
        system.App.ResourceNotifications.TryGetCurrentState("cache", out var state) ? state.Snapshot.StartTimeStamp : null;

    /// <summary>The cache process's command line, from the pid the orchestrator reports.</summary>
    private string CacheCommandLine()
    {
        Assert.True(system.App.ResourceNotifications.TryGetCurrentState("cache", out var state));
        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value?.ToString();
        Assert.False(string.IsNullOrEmpty(pid), "The cache resource reports no pid.");
        return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
    }
}
