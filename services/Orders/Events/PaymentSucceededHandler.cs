using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Orders.Events;

/// <summary>The payment was captured: the order is paid (or, if it was cancelled meanwhile, the capture is refunded).</summary>
public sealed class PaymentSucceededHandler(OrderWorkflow workflow, ILogger<PaymentSucceededHandler> logger) : IIntegrationEventHandler<PaymentSucceeded>
{
    public async Task HandleAsync(PaymentSucceeded @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("PaymentSucceeded for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        workflow.CapturePayment(order, @event.PaymentId, "payments", $"payment {@event.PaymentId} captured {@event.AmountMinor} {@event.Currency} (minor units)");
    }
}
