using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The local cache server crashes (its process is killed, as the OOM killer or a native fault would) and the AppHost
/// starts it again by itself, while the store keeps answering: nobody has to notice, nobody has to press Start.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class CacheRestartTests(WholeSystemFixture system)
{
    [Fact]
    public async Task A_cache_server_that_dies_is_started_again_and_the_store_answers_throughout()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(system.App.ResourceNotifications.TryGetCurrentState("cache", out var before));
        var wrapper = int.Parse(before.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value!.ToString()!, CultureInfo.InvariantCulture);
        // `dotnet tool run` starts the server as its child: kill the server itself, the way a crash would end it.
        var server = Children(wrapper).DefaultIfEmpty(wrapper).First();

        using (var kill = Process.Start("kill", ["-KILL", server.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        using var client = system.CreateGatewayClient();
        using (var duringOutage = await client.GetAsync("/api/products?limit=3", ct))
        {
            Assert.Equal(HttpStatusCode.OK, duringOutage.StatusCode);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await system.App.ResourceNotifications.WaitForResourceAsync("cache",
            e => e.Snapshot.StartTimeStamp > before.Snapshot.StartTimeStamp && e.Snapshot.State?.Text == "Running", timeout.Token);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);

        using var afterRestart = await client.GetAsync("/api/products?limit=3", ct);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }

    [Fact]
    public async Task A_cache_the_operator_stops_stays_stopped_until_started()
    {
        var ct = TestContext.Current.CancellationToken;
        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();

        Assert.True((await commands.ExecuteCommandAsync("cache", KnownResourceCommands.StopCommand, ct)).Success);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await system.App.ResourceNotifications.WaitForResourceAsync("cache", e => e.Snapshot.State?.Text is "Exited" or "Finished", timeout.Token);
        }

        // Longer than the restarter's first pause: a stop the operator asked for is not a crash to recover from.
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        Assert.True(system.App.ResourceNotifications.TryGetCurrentState("cache", out var stopped));
        Assert.True(stopped.Snapshot.State?.Text is "Exited" or "Finished", $"cache is {stopped.Snapshot.State?.Text}");

        Assert.True((await commands.ExecuteCommandAsync("cache", KnownResourceCommands.StartCommand, ct)).Success);
        using var healthy = CancellationTokenSource.CreateLinkedTokenSource(ct);
        healthy.CancelAfter(TimeSpan.FromSeconds(90));
        // The start command returns before the resource's state leaves "Exited"; a health wait that begins then sees a
        // resource that is not running and gives up ("failed to start"), as it did once in CI. Running first, then healthy.
        await system.App.ResourceNotifications.WaitForResourceAsync("cache", KnownResourceStates.Running, healthy.Token);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("cache", healthy.Token);
    }

    private static IEnumerable<int> Children(int pid) =>
        Directory.EnumerateFiles($"/proc/{pid}/task", "children", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture));
}
