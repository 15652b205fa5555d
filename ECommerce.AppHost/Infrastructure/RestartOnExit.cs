using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ECommerce.AppHost.Infrastructure;

/// <summary>
/// Keeps a local server running: when its process exits on its own (a crash, the OOM killer, a kill -9) the AppHost
/// starts it again, as a container runtime's restart policy would for the container modes. An exit the operator asked
/// for (Stop in the dashboard, which passes through Stopping) and the AppHost's own shutdown are left alone.
/// </summary>
public static class RestartOnExitExtensions
{
    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExitedResourceRestarter>());
        return builder.WithAnnotation(new RestartOnExitAnnotation());
    }
}

internal sealed class RestartOnExitAnnotation : IResourceAnnotation;

internal sealed partial class ExitedResourceRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    ILogger<ExitedResourceRestarter> logger) : BackgroundService
{
    /// <summary>Pauses before each start: quick at first, then slower, so a server that cannot stay up does not spin.</summary>
    private static readonly TimeSpan[] BackOff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)];

    /// <summary>A server that stayed up this long is healthy again: its next crash starts the back-off from the beginning.</summary>
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string?> _lastState = [];
    private readonly Dictionary<string, (int Restarts, DateTimeOffset LastStart)> _history = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (!update.Resource.Annotations.OfType<RestartOnExitAnnotation>().Any())
                {
                    continue;
                }

                var name = update.Resource.Name;
                var state = update.Snapshot.State?.Text;
                _lastState.TryGetValue(name, out var previous);
                _lastState[name] = state;
                if (previous == KnownResourceStates.Running && state is "Exited" or "Finished" && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    _ = RestartAsync(update.Resource, update.Snapshot.ExitCode, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RestartAsync(IResource resource, int? exitCode, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var (restarts, lastStart) = _history.GetValueOrDefault(resource.Name);
        restarts = now - lastStart > StableAfter ? 0 : restarts;
        var delay = BackOff[Math.Min(restarts, BackOff.Length - 1)];
        _history[resource.Name] = (restarts + 1, now);
        LogExited(resource.Name, exitCode, delay.TotalSeconds, restarts + 1);

        try
        {
            await Task.Delay(delay, ct);
            if (lifetime.ApplicationStopping.IsCancellationRequested
                || !notifications.TryGetCurrentState(resource.Name, out var current)
                || current.Snapshot.State?.Text is not ("Exited" or "Finished"))
            {
                return; // shutting down, or someone (the operator, a test) already started it again
            }

            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, ct);
            if (!result.Success)
            {
                LogStartFailed(resource.Name, result.Message);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited on its own (exit code {ExitCode}); starting it again in {DelaySeconds} s (restart {Restart})")]
    private partial void LogExited(string resource, int? exitCode, double delaySeconds, int restart);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start {Resource} again: {Message}")]
    private partial void LogStartFailed(string resource, string? message);
}
