using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// What every saga event about one order does: find the order, or log and ignore an event about an order this service
/// never placed; then apply the event to it. The inbox's transaction commits the change and the events it owes.
/// </summary>
public abstract class OrderEventHandler<TEvent>(OrderWorkflow workflow, ILogger logger) : IIntegrationEventHandler<TEvent>
    where TEvent : IntegrationEvent
{
    protected OrderWorkflow Workflow => workflow;

    public async Task HandleAsync(TEvent @event, CancellationToken cancellationToken)
    {
        var orderId = OrderIdOf(@event);
        if (await workflow.FindAsync(orderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("{Event} for unknown order {OrderId} ignored", typeof(TEvent).Name, orderId);
            return;
        }

        Apply(order, @event);
    }

    protected abstract Guid OrderIdOf(TEvent @event);

    protected abstract void Apply(Order order, TEvent @event);
}
