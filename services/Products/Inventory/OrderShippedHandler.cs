using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Inventory;

/// <summary>
/// A shipment left: its lines move from reserved to sold, once per shipment. An event without a shipment id (written
/// before shipments existed: the whole order at once) is keyed by the order.
/// </summary>
[HandlerName("OrderShippedHandler")]
public sealed class OrderShippedHandler(StockFulfilment stock) : IIntegrationEventHandler<OrderShipped>
{
    public Task HandleAsync(OrderShipped @event, CancellationToken cancellationToken) =>
        stock.ShipAsync(@event.OrderId, @event.ShipmentId ?? @event.OrderId, @event.Lines, cancellationToken);
}
