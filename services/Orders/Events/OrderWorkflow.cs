using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Data;
using ECommerce.Orders.Model;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Events;

/// <summary>
/// Applies a trigger to an order and adds the integration event each move owes the other services to the outbox, so
/// the move and its event commit in the caller's one SaveChanges. Used by the event handlers, the endpoints and the
/// timeout sweep alike, so a move publishes the same thing whoever caused it.
/// </summary>
public sealed class OrderWorkflow(OrdersDbContext db, TimeProvider clock)
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

        return await db.Orders.Include(o => o.Items).Include(o => o.History).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
    }

    public TransitionOutcome Apply(Order order, OrderTrigger trigger, string actor, string? reason) =>
        Publish(order, order.Apply(trigger, actor, reason, clock.GetUtcNow()), trigger, reason);

    public TransitionOutcome CapturePayment(Order order, Guid paymentId, string actor, string? reason) =>
        Publish(order, order.CapturePayment(paymentId, actor, reason, clock.GetUtcNow()), OrderTrigger.PaymentSucceeded, reason);

    private TransitionOutcome Publish(Order order, TransitionOutcome outcome, OrderTrigger trigger, string? reason)
    {
        switch (outcome.Kind)
        {
            case TransitionKind.Moved when outcome.To == OrderStatus.Paid:
                db.AddIntegrationEvent(new OrderPaid(order.Id, order.CustomerId, Lines(order), order.Currency, order.Total));
                break;
            case TransitionKind.Moved when outcome.To == OrderStatus.Cancelled:
                db.AddIntegrationEvent(new OrderCancelled(order.Id, order.CustomerId, reason ?? trigger.ToString(), order.WasPaid));
                break;
            case TransitionKind.Moved when outcome.To == OrderStatus.Shipped:
                db.AddIntegrationEvent(new OrderShipped(order.Id, order.CustomerId, order.TrackingNumber ?? ""));
                break;
            case TransitionKind.Compensate:
                // The order stays cancelled; asking again makes Products release the late reservation and, when the
                // late event was a capture, Payments refund it (both act idempotently per order).
                db.AddIntegrationEvent(new OrderCancelled(order.Id, order.CustomerId, $"{trigger} after cancellation", order.WasPaid));
                break;
        }

        return outcome;
    }

    private static List<OrderLine> Lines(Order order) =>
        [.. order.Items.Select(i => new OrderLine(i.ProductId, i.Sku, i.Quantity, i.UnitPrice))];
}
