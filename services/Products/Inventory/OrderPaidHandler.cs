using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Inventory;

/// <summary>Commits the order's reservation: the units are sold.</summary>
[HandlerName("OrderPaidHandler")]
public sealed class OrderPaidHandler(InventoryService inventory) : IIntegrationEventHandler<OrderPaid>
{
    public Task HandleAsync(OrderPaid @event, CancellationToken cancellationToken) =>
        inventory.CommitAsync(@event.OrderId, cancellationToken);
}
