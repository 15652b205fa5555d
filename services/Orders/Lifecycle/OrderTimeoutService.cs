using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// Cancels orders whose reservation or payment never answered, or whose stock hold ran out while awaiting payment after
/// a decline, with reason "timeout", and orders held for risk review that nobody decided within the review window, with
/// reason "review_timeout" (OrderCancelled then releases any stock and voids an authorisation). Each order is moved in its own transaction under its row version, so a sweep racing an event handler or a
/// second instance's sweep loses cleanly instead of double-cancelling; a late answer is then compensated.
/// </summary>
public sealed class OrderTimeoutService(IServiceScopeFactory scopes, IOptions<OrderTimeouts> options, TimeProvider clock, ILogger<OrderTimeoutService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        do
        {
            try
            {
                while (await SweepAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Order timeout sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns how many overdue orders it found.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pendingBefore = now - options.Value.Pending;
        var reservedBefore = now - options.Value.StockReserved;
        List<Guid> overdue;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            overdue = await db.Orders
                .Where(o => (o.Status == OrderStatus.Pending && o.StatusChangedAt < pendingBefore)
                    || ((o.Status == OrderStatus.StockReserved || o.Status == OrderStatus.AwaitingPayment)
                        && (o.StockHeldUntil != null ? o.StockHeldUntil < now : o.StatusChangedAt < reservedBefore))
                    || (o.Status == OrderStatus.HeldForReview && o.ReviewDecision == null && o.StockHeldUntil < now))
                .OrderBy(o => o.StatusChangedAt).Select(o => o.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        foreach (var id in overdue)
        {
            using var work = BackgroundWork.Start("order timeout", new KeyValuePair<string, object?>("ecommerce.order.id", id.ToString()));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var workflow = scope.ServiceProvider.GetRequiredService<OrderWorkflow>();
            // Loaded again, so an admin's approval that committed since the query is seen: an approved order waits for its capture.
            if (await workflow.FindAsync(id, cancellationToken) is not { } order || order.ReviewDecision is not null)
            {
                continue;
            }

            var outcome = workflow.Apply(order, OrderTrigger.Timeout, "system", order.Status == OrderStatus.HeldForReview ? "review_timeout" : "timeout");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Order {OrderId} cancelled after waiting in {Status}", id, outcome.From);
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Order {OrderId} moved while timing out; left as it is", id);
            }
        }

        return overdue.Count;
    }
}
