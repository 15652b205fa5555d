using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Model;

namespace ECommerce.Orders.Events;

/// <summary>Products holds every line: the order waits for its payment.</summary>
public sealed class StockReservedHandler(OrderWorkflow workflow, ILogger<StockReservedHandler> logger) : IIntegrationEventHandler<StockReserved>
{
    public async Task HandleAsync(StockReserved @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("StockReserved for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        workflow.Apply(order, OrderTrigger.StockReserved, "products", $"reservation {@event.ReservationId} until {@event.ExpiresAt:O}");
    }
}
