using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Model;

namespace ECommerce.Orders.Events;

/// <summary>The payment was declined: the order is cancelled and its OrderCancelled makes Products release the stock.</summary>
public sealed class PaymentFailedHandler(OrderWorkflow workflow, ILogger<PaymentFailedHandler> logger) : IIntegrationEventHandler<PaymentFailed>
{
    public async Task HandleAsync(PaymentFailed @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("PaymentFailed for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        workflow.Apply(order, OrderTrigger.PaymentFailed, "payments", $"payment failed: {@event.Reason}");
    }
}
