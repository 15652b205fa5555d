using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Inventory;

/// <summary>Releases reservations whose order never got paid in time and publishes StockReleased for each.</summary>
public sealed class ReservationExpiryService(
    IServiceScopeFactory scopes,
    IOptions<InventoryOptions> options,
    TimeProvider clock,
    ILogger<ReservationExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await SweepOnceAsync(clock.GetUtcNow(), stoppingToken) == options.Value.ExpiryBatchSize)
                {
                    // A full batch means more are due; keep going without waiting for the next tick.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reservation expiry sweep failed; retrying on the next tick");
            }
        }
    }

    /// <summary>One batch in one transaction; returns how many reservations it released.</summary>
    public async Task<int> SweepOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        var inventory = scope.ServiceProvider.GetRequiredService<InventoryService>();
        var released = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var count = await inventory.ReleaseExpiredAsync(now, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return count;
        }, ct);
        if (released > 0)
        {
            logger.LogInformation("Released {Count} expired reservations", released);
        }

        return released;
    }
}
