using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Model;

namespace ECommerce.Orders.Events;

/// <summary>Products could not hold every line: the order is cancelled (nothing was reserved, nothing was charged).</summary>
public sealed class StockRejectedHandler(OrderWorkflow workflow, ILogger<StockRejectedHandler> logger) : IIntegrationEventHandler<StockRejected>
{
    public async Task HandleAsync(StockRejected @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("StockRejected for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        var lines = string.Join(", ", @event.Lines.Select(l => $"{l.ProductId}: {l.Requested} requested, {l.Available} available"));
        workflow.Apply(order, OrderTrigger.StockRejected, "products", $"out of stock ({lines})");
    }
}
