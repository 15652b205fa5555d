using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.AI.Ingestion;

/// <summary>Records a cancellation; it may arrive before or after the order's OrderPaid, and more than once.</summary>
[HandlerName("OrderCancelledHandler")]
public sealed class OrderCancelledHandler(AiDbContext db) : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken)
    {
        var existing = await db.Cancellations.FindAsync([@event.OrderId], cancellationToken);
        if (existing is not null)
        {
            // A later "was paid" cancellation (a refund after payment) is the stronger fact.
            existing.WasPaid |= @event.WasPaid;
            return;
        }

        db.Cancellations.Add(new OrderCancellation
        {
            OrderId = @event.OrderId,
            CustomerId = @event.CustomerId,
            Reason = @event.Reason.Length > 500 ? @event.Reason[..500] : @event.Reason,
            WasPaid = @event.WasPaid,
            CancelledAt = @event.OccurredAt,
        });
    }
}
