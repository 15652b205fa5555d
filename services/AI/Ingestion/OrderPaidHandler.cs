using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Ingestion;

/// <summary>Records a paid order as purchase history (idempotent: a repeat of the same order changes nothing).</summary>
[HandlerName("OrderPaidHandler")]
public sealed class OrderPaidHandler(AiDbContext db) : IIntegrationEventHandler<OrderPaid>
{
    public async Task HandleAsync(OrderPaid @event, CancellationToken cancellationToken)
    {
        if (await db.Orders.AnyAsync(o => o.Id == @event.OrderId, cancellationToken))
        {
            return;
        }

        db.Orders.Add(new PaidOrder
        {
            Id = @event.OrderId,
            CustomerId = @event.CustomerId,
            PaidAt = @event.OccurredAt,
            Total = @event.Total,
            Currency = @event.Currency,
            Lines = [.. @event.Lines.Select((l, i) => new PaidOrderLine
            {
                OrderId = @event.OrderId,
                LineNumber = i + 1,
                ProductId = l.ProductId,
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
            })],
        });
    }
}
