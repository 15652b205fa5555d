using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Domain;

namespace ECommerce.Payments.Persistence;

/// <summary>
/// The transitions that other services hear about, in one place: the state change, its ledger row and its event go
/// into the same SaveChanges, whichever path (charge, webhook, simulated notification, refund) got there.
/// </summary>
public static class PaymentOutcomes
{
    public static void Captured(PaymentsDbContext db, Payment payment, string providerPaymentId, long amountMinor)
    {
        payment.MarkCaptured(providerPaymentId, amountMinor);
        db.AddIntegrationEvent(new PaymentSucceeded(payment.OrderId, payment.Id, payment.CapturedMinor, payment.Currency));
        PaymentsMetrics.Captured();
    }

    /// <summary>Authorised and held for the back office's risk review: Orders puts the order on hold, nothing is captured yet.</summary>
    public static void AuthorisedForReview(PaymentsDbContext db, Payment payment)
    {
        db.AddIntegrationEvent(new PaymentAuthorised(payment.OrderId, payment.Id, payment.AmountMinor, payment.Currency));
        PaymentsMetrics.HeldForReview();
    }

    public static void Failed(PaymentsDbContext db, Payment payment, string? providerPaymentId, string reason)
    {
        payment.MarkFailed(providerPaymentId, reason);
        db.AddIntegrationEvent(new PaymentFailed(payment.OrderId, reason, FailureReasons.CanRetry(reason)));
        PaymentsMetrics.Failed(reason);
    }

    public static LedgerEntry Refunded(PaymentsDbContext db, Payment payment, long amountMinor, string providerRefundId, string? reason, string? idempotencyKey)
    {
        var entry = payment.RecordRefund(amountMinor, providerRefundId, reason, idempotencyKey);
        db.AddIntegrationEvent(new PaymentRefunded(payment.OrderId, payment.Id, amountMinor, payment.Currency, providerRefundId));
        PaymentsMetrics.Refunded();
        return entry;
    }
}
