using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>Products could not hold every line: the order is cancelled (nothing was reserved, nothing was charged).</summary>
[HandlerName("StockRejectedHandler")]
public sealed class StockRejectedHandler(OrderWorkflow workflow, ILogger<StockRejectedHandler> logger) : OrderEventHandler<StockRejected>(workflow, logger)
{
    protected override Guid OrderIdOf(StockRejected @event) => @event.OrderId;

    protected override void Apply(Order order, StockRejected @event)
    {
        var lines = string.Join(", ", @event.Lines.Select(l => $"{l.ProductId}: {l.Requested} requested, {l.Available} available"));
        Workflow.Apply(order, OrderTrigger.StockRejected, "products", $"out of stock ({lines})");
    }
}
