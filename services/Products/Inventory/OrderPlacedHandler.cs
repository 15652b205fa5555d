using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Inventory;

/// <summary>
/// Reserves the order's stock, all lines or none, answering StockReserved or StockRejected. An order held for risk review
/// keeps its reservation for the review window (<see cref="InventoryOptions.HeldReservationTtl"/>).
/// </summary>
[HandlerName("OrderPlacedHandler")]
public sealed class OrderPlacedHandler(InventoryService inventory) : IIntegrationEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken) =>
        inventory.ReserveAsync(@event.OrderId, @event.Lines, cancellationToken, @event.HoldForReview);
}
