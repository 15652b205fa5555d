using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Orders.Events;

/// <summary>
/// Payments refunded all or part of the order: each refund recorded in its history once. A partial refund leaves the
/// status alone; a refund after a cancel finds it Cancelled already.
/// </summary>
public sealed class PaymentRefundedHandler(OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentRefundedHandler> logger) : IIntegrationEventHandler<PaymentRefunded>
{
    public async Task HandleAsync(PaymentRefunded @event, CancellationToken cancellationToken)
    {
        if (await workflow.FindAsync(@event.OrderId, cancellationToken) is not { } order)
        {
            logger.LogWarning("PaymentRefunded for unknown order {OrderId} ignored", @event.OrderId);
            return;
        }

        order.RecordRefund(@event.RefundId, $"refund of {@event.AmountMinor} {@event.Currency} (minor units) on payment {@event.PaymentId}", clock.GetUtcNow());
    }
}
