using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Refunds;

/// <summary>
/// Orders asks for part of a captured payment back (a received return). Refunded once per <c>RequestId</c> however
/// often the request arrives (its idempotency key is the ledger's and the provider's), and never more than what is left
/// of the capture: a request for more refunds what is left, a request when nothing is left refunds nothing. A provider
/// that is down is retried through redelivery with the same key; a provider that refuses is logged for people.
/// </summary>
[HandlerName("RefundRequestedHandler")]
[HandledAlone] // calls the payment provider
public sealed class RefundRequestedHandler(PaymentsDbContext db, PaymentRefunder refunder, ILogger<RefundRequestedHandler> logger)
    : IIntegrationEventHandler<RefundRequested>
{
    public async Task HandleAsync(RefundRequested @event, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(@event.OrderId, cancellationToken) ?? throw new PaymentNotRecordedException(@event.OrderId);
        var key = IdempotencyKeys.RequestedRefund(@event.OrderId, @event.RequestId);
        if (await db.Ledger.AnyAsync(e => e.IdempotencyKey == key, cancellationToken))
        {
            return;
        }

        if (payment.Status is not (PaymentStatus.Captured or PaymentStatus.Refunded) || !string.Equals(payment.Currency, @event.Currency, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refund {RequestId} of order {OrderId} ignored: the payment is {Status} in {Currency}", @event.RequestId, @event.OrderId, payment.Status, payment.Currency);
            return;
        }

        var amount = Math.Min(@event.AmountMinor, payment.Refundable);
        if (amount <= 0)
        {
            logger.LogWarning("Refund {RequestId} of order {OrderId} ignored: nothing is left to refund", @event.RequestId, @event.OrderId);
            return;
        }

        if (amount < @event.AmountMinor)
        {
            logger.LogWarning("Refund {RequestId} of order {OrderId} capped at {Amount} (asked {Asked})", @event.RequestId, @event.OrderId, amount, @event.AmountMinor);
        }

        try
        {
            await refunder.RefundAsync(payment, amount, Truncate(@event.Reason), key, cancellationToken);
        }
        catch (PaymentProviderRejectedException e)
        {
            logger.LogError("The provider refused refund {RequestId} of order {OrderId}: {Code}", @event.RequestId, @event.OrderId, e.Code);
        }
    }

    private static string Truncate(string reason) => reason.Length > 200 ? reason[..200] : reason;
}
