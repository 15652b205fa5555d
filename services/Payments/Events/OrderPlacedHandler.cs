using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Data;
using ECommerce.Payments.Model;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Events;

/// <summary>Records what to charge for a placed order; the charge itself waits for StockReserved.</summary>
public sealed class OrderPlacedHandler(PaymentsDbContext db) : IIntegrationEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken)
    {
        // The unique index on order_id settles a race between two consumers: the loser's transaction fails and is
        // redelivered, and then finds the row here.
        if (await db.Payments.AnyAsync(p => p.OrderId == @event.OrderId, cancellationToken))
        {
            return;
        }

        db.Payments.Add(Payment.Record(@event.OrderId, @event.CustomerId, MinorUnits.ToMinor(@event.Total, @event.Currency),
            @event.Currency, @event.PaymentMethod));
    }
}
