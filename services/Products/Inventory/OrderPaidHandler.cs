using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Persistence;

namespace ECommerce.Products.Inventory;

/// <summary>
/// Commits the order's reservation (the units are sold) and records the customer as a verified purchaser of each
/// product, which entitles them to review it. One handler per event, so both live here, in the inbox's transaction.
/// </summary>
[HandlerName("OrderPaidHandler")]
public sealed class OrderPaidHandler(InventoryService inventory, ProductsDbContext db) : IIntegrationEventHandler<OrderPaid>
{
    public async Task HandleAsync(OrderPaid @event, CancellationToken cancellationToken)
    {
        await inventory.CommitAsync(@event.OrderId, cancellationToken);
        await db.RecordAsync(@event.CustomerId, @event.Lines.Select(l => l.ProductId), @event.OccurredAt, cancellationToken);
    }
}
