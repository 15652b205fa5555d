using ECommerce.LoadGenerator;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The CI-sized load run: 20 signed-in shoppers for 30 s through the started system's gateway (browse, search, carts,
/// checkouts with good and declining cards), then the invariants queried from the databases. The long runs and the
/// fault runs are commands (docs/benchmarks.md, docs/reliability.md).
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class ShortLoadTests(WholeSystemFixture system)
{
    [Fact]
    public async Task A_short_load_fails_no_request_and_leaves_every_invariant_intact()
    {
        var ct = TestContext.Current.CancellationToken;
        // Signed-in shoppers only: the fixture keeps the gateway's per-client rate limit, and anonymous calls from
        // one test machine would all share one client's allowance.
        var options = new LoadOptions(system.App.GetEndpoint("gateway", "http"), Users: 20, Ramp: TimeSpan.FromSeconds(5),
            Duration: TimeSpan.FromSeconds(30), Seed: 11)
        {
            AnonymousShare = 0,
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
    }
}
