using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Inventory;

/// <summary>Releases the order's stock; repeats and cancellations of unknown orders change nothing twice.</summary>
[HandlerName("OrderCancelledHandler")]
public sealed class OrderCancelledHandler(InventoryService inventory) : IIntegrationEventHandler<OrderCancelled>
{
    public Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken) =>
        inventory.ReleaseAsync(@event.OrderId, string.IsNullOrWhiteSpace(@event.Reason) ? "cancelled" : @event.Reason, expired: false, cancellationToken);
}
