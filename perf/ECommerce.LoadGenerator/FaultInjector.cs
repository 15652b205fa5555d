using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.LoadGenerator;

/// <summary>
/// The fault script run alongside the load: kill -9 each service in turn and start it again, restart PostgreSQL,
/// restart Redis, stall a consumer (SIGSTOP the Payments process, then SIGCONT). Each fault is logged with how long
/// the resource took to be healthy again. With replicas (<c>--replicas</c>), a service's fault hits its first
/// replica only: the others keep serving behind Aspire's proxy, as in Container Apps when one replica dies.
/// </summary>
public sealed class FaultInjector(DistributedApplication app, TextWriter log)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(2);

    public List<string> Timeline { get; } = [];

    public async Task RunAsync(TimeSpan warmUp, TimeSpan between, CancellationToken ct)
    {
        await Task.Delay(warmUp, ct);
        foreach (var service in AppHostSystem.ServiceNames)
        {
            var (replica, of) = await FirstReplicaAsync(service, ct);
            var name = of > 1 ? $"kill -9 {service} (replica 1 of {of}, {replica})" : $"kill -9 {service}";
            await Step(name, () => KillAndStartAsync(service, replica, ct), service, replica, ct);
            await Task.Delay(between, ct);
        }

        await Step("restart postgres", () => StopThenStartAsync("postgres", ct), "postgres", (await FirstReplicaAsync("postgres", ct)).Id, ct);
        await Task.Delay(between, ct);
        await Step("restart redis", () => CommandAsync("cache", KnownResourceCommands.RestartCommand, ct), "cache", (await FirstReplicaAsync("cache", ct)).Id, ct);
        await Task.Delay(between, ct);
        var payments = (await FirstReplicaAsync("payments", ct)).Id;
        await Step("stall payments 30 s", () => StallAsync(payments, TimeSpan.FromSeconds(30), ct), "payments", payments, ct);
    }

    /// <summary>The orchestrator's id of a resource's first replica (its only one without replicas), and how many it has.</summary>
    private async Task<(string Id, int Of)> FirstReplicaAsync(string resource, CancellationToken ct)
    {
        var ids = await AppHostSystem.ReplicaIdsAsync(app, resource, ct);
        return (ids[0], ids.Length);
    }

    private async Task Step(string name, Func<Task> fault, string resource, string replica, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string line;
        try
        {
            await fault();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Recovery);
            // That replica running and healthy again (with replicas, the resource as a whole never stopped being
            // healthy). Running too, as WaitForResourceHealthyAsync requires: a starting replica can still carry the
            // health report of the process that was killed.
            await app.ResourceNotifications.WaitForResourceAsync(resource,
                e => e.ResourceId == replica && e.Snapshot.State?.Text == KnownResourceStates.Running
                    && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, timeout.Token);
            line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:HH:mm:ss} {name}: healthy again after {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            line = $"{DateTimeOffset.UtcNow:HH:mm:ss} {name}: FAILED after {clock.Elapsed.TotalSeconds:0.0} s ({e.Message})";
        }

        Timeline.Add(line);
        log.WriteLine("fault: " + line);
    }

    private async Task KillAndStartAsync(string resource, string replica, CancellationToken ct)
    {
        ProcessTree.Signal(Pid(replica), "KILL");
        // DCP notices the exit; then the resource can be started again, as an operator would from the dashboard.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(resource,
                e => e.ResourceId == replica && e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The state never said the process ended (a wrapper outlived it): restart instead of start.
            log.WriteLine($"fault: {replica} did not report its exit within 30 s; restarting it");
            await CommandAsync(replica, KnownResourceCommands.RestartCommand, ct);
            return;
        }

        await CommandAsync(replica, KnownResourceCommands.StartCommand, ct);
    }

    // Local PostgreSQL now stops with a fast shutdown (PostgresInstallation.ServerCommand), so the first start should
    // succeed; the retries stay for servers this script does not control (see docs/reliability.md).
    private async Task StopThenStartAsync(string resource, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommandAsync(resource, KnownResourceCommands.StopCommand, ct);
                break;
            }
            catch (InvalidOperationException e) when (attempt < 3)
            {
                // On a loaded machine the orchestrator's stop can time out while the server is still shutting down
                // (2026-12-03: "Failed to stop resource" at load average 80): ask again rather than abandon the run.
                log.WriteLine($"fault: stop of {resource} failed (attempt {attempt}): {e.Message}");
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            try
            {
                await CommandAsync(resource, KnownResourceCommands.StartCommand, ct);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
                return;
            }
            catch (Exception e) when (attempt < 6 && !ct.IsCancellationRequested)
            {
                log.WriteLine($"fault: start of {resource} failed (attempt {attempt}): {e.Message}");
            }
        }
    }

    private async Task StallAsync(string resource, TimeSpan duration, CancellationToken ct)
    {
        var pid = Pid(resource);
        ProcessTree.Signal(pid, "STOP");
        try
        {
            await Task.Delay(duration, ct);
        }
        finally
        {
            ProcessTree.Signal(pid, "CONT");
        }
    }

    private async Task CommandAsync(string resource, string command, CancellationToken ct)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource}: {result.Message}");
        }
    }

    private int Pid(string resource)
    {
        if (app.ResourceNotifications.TryGetCurrentState(resource, out var state)
            && state.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value is { } value
            && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return pid;
        }

        throw new InvalidOperationException($"No process id known for {resource}.");
    }
}
