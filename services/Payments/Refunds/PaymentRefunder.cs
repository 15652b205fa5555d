using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;

namespace ECommerce.Payments.Refunds;

/// <summary>Refunds part or all of a captured payment whose row the caller holds locked, then records and announces it.</summary>
public sealed class PaymentRefunder(PaymentsDbContext db, IPaymentProvider provider)
{
    public async Task<LedgerEntry> RefundAsync(Payment payment, long amountMinor, string? reason, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (payment.ProviderPaymentId is null || amountMinor <= 0 || amountMinor > payment.Refundable)
        {
            throw new InvalidOperationException($"Order {payment.OrderId} cannot be refunded {amountMinor} (refundable {payment.Refundable}).");
        }

        var refund = await provider.RefundAsync(payment.ProviderPaymentId, amountMinor, idempotencyKey, cancellationToken);
        return PaymentOutcomes.Refunded(db, payment, refund.AmountMinor, refund.ProviderRefundId, reason, idempotencyKey);
    }
}
