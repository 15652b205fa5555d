using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Orders.Events;

/// <summary>Payments refunded the order: recorded in its history once (the status is already Cancelled).</summary>
public sealed class PaymentRefundedHandler(OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentRefundedHandler> logger) : IIntegrationEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("PaymentRefunded for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        order.RecordRefund($"refund of {@event.AmountMinor} {@event.Currency} (minor units) on payment {@event.PaymentId}", clock.GetUtcNow());
    }
}
