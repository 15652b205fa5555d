using ECommerce.Orders.Domain;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Deletes expired carts now and then. Nothing depends on it running on time: an expired cart already reads as empty;
/// this only keeps abandoned carts from piling up in the table.
/// </summary>
public sealed class CartCleanupService(IServiceScopeFactory scopes, IOptions<CartLimits> limits, TimeProvider clock, ILogger<CartCleanupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<CartStore>().PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Deleted {Count} expired carts", purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Expired cart cleanup failed; retrying at the next interval");
            }
        }
    }
}
