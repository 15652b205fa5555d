using Microsoft.Extensions.Options;

namespace ECommerce.Payments.Providers.Simulated;

/// <summary>
/// Delivers the simulated provider's late outcomes after <see cref="SimulatedOptions.DelayedFailureAfter"/>, through
/// <see cref="IProviderNotificationProcessor"/> — the same code a Stripe webhook runs — so both paths raise the same events.
/// </summary>
public sealed class SimulatedNotificationScheduler(
    IServiceScopeFactory scopes,
    IOptions<PaymentsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatedNotificationScheduler> logger)
{
    private const int Attempts = 5;

    public void Schedule(ProviderNotification notification, Action then) => _ = Task.Run(async () =>
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await Task.Delay(options.Value.Simulated.DelayedFailureAfter, stopping);
            then();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IProviderNotificationProcessor>().ApplyAsync(notification, stopping);
                    return;
                }
                catch (Exception e) when (attempt < Attempts && !stopping.IsCancellationRequested)
                {
                    // Like Stripe retrying a webhook that failed: the processor is idempotent per event id.
                    logger.LogWarning(e, "Simulated notification {EventId} failed (attempt {Attempt}); retrying", notification.EventId, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Simulated notification {EventId} was not delivered", notification.EventId);
        }
    });
}
