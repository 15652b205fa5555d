using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// Drives the order state machine for the other services' events and the timeout sweep: finds the order (locked in
/// the inbox's transaction) and applies a trigger at the current time. The integration event a move owes goes to the
/// outbox with the caller's one SaveChanges (see <see cref="Order.TakeOwedEvents"/>).
/// </summary>
public sealed class OrderWorkflow(OrdersDbContext db, TimeProvider clock, IOptions<OrderTimeouts> timeouts, IOptions<RiskOptions> risk)
{
    /// <summary>
    /// Loads an order with what <see cref="Order.Apply"/> needs (lines for OrderPaid, history for repeats). Inside a
    /// transaction (an event handler's inbox transaction) the row is locked first, so two events about one order — a
    /// reservation and its payment arrive close together — queue up instead of failing on the row version and
    /// waiting out a redelivery delay.
    /// </summary>
    public async Task<Order?> FindAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);
        }

        return await db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == orderId), cancellationToken);
    }

    /// <summary>
    /// Applies a trigger now; the first move into holding stock for payment starts the stock hold, and the move into
    /// review replaces it with the review window.
    /// </summary>
    public TransitionOutcome Apply(Order order, OrderTrigger trigger, string actor, string? reason)
    {
        var now = clock.GetUtcNow();
        var outcome = order.Apply(trigger, actor, reason, now);
        order.HoldStockFor(timeouts.Value.StockReserved, now);
        if (outcome.Moved && outcome.To == OrderStatus.HeldForReview)
        {
            order.StartReview(risk.Value.ReviewWindow, now);
        }

        return outcome;
    }

    public TransitionOutcome CapturePayment(Order order, Guid paymentId, string actor, string? reason) =>
        order.CapturePayment(paymentId, actor, reason, clock.GetUtcNow());
}
