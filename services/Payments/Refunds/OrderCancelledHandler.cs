using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;

namespace ECommerce.Payments.Refunds;

/// <summary>
/// An order was cancelled. Not yet charged (waiting for the shopper's 3-D Secure check, or authorised and held for risk
/// review): the payment is cancelled so a late StockReserved charges nothing, and an open intent is cancelled at the
/// provider so no money stays held.
/// Captured: whatever is still refundable is refunded in full. Anything else (failed, already refunded): nothing to do.
/// </summary>
[HandlerName("OrderCancelledHandler")]
[HandledAlone] // calls the payment provider
public sealed class OrderCancelledHandler(PaymentsDbContext db, PaymentRefunder refunder, IPaymentProvider provider, ILogger<OrderCancelledHandler> logger)
    : IIntegrationEventHandler<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled @event, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(@event.OrderId, cancellationToken) ?? throw new PaymentNotRecordedException(@event.OrderId);
        var openIntent = payment.Status is PaymentStatus.RequiresAction or PaymentStatus.Authorised ? payment.ProviderPaymentId : null;
        if (payment.TryCancel())
        {
            // A 3-D Secure check still open or an authorisation held for review: the intent is cancelled too (the
            // authorisation is voided), so no money stays held.
            if (openIntent is not null)
            {
                await provider.CancelAsync(openIntent, cancellationToken);
            }

            return;
        }

        if (payment.Refundable <= 0)
        {
            return;
        }

        // Refunded even when WasPaid is false: Orders can cancel in the moment between our capture and its hearing of
        // it, and a cancelled order must not keep the customer's money.
        if (!@event.WasPaid)
        {
            logger.LogWarning("Order {OrderId} was cancelled as unpaid but its payment was captured; refunding it", @event.OrderId);
        }

        await refunder.RefundAsync(payment, payment.Refundable, $"order_cancelled: {@event.Reason}",
            IdempotencyKeys.CancellationRefund(@event.OrderId), cancellationToken);
    }
}
