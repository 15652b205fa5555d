using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>Products holds every line: the order waits for its payment.</summary>
[HandlerName("StockReservedHandler")]
public sealed class StockReservedHandler(OrderWorkflow workflow, ILogger<StockReservedHandler> logger) : OrderEventHandler<StockReserved>(workflow, logger)
{
    protected override Guid OrderIdOf(StockReserved @event) => @event.OrderId;

    protected override void Apply(Order order, StockReserved @event) =>
        Workflow.Apply(order, OrderTrigger.StockReserved, "products", $"reservation {@event.ReservationId} until {@event.ExpiresAt:O}");
}
