using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Webhooks;

/// <summary>
/// Applies a provider notification in one transaction with the record of its event id, so a replayed webhook has no
/// second effect. Transitions are also guarded by state, so a notification of something we already did is a no-op.
/// </summary>
public sealed class ProviderNotificationProcessor(PaymentsDbContext db, ILogger<ProviderNotificationProcessor> logger) : IProviderNotificationProcessor
{
    public Task<NotificationOutcome> ApplyAsync(ProviderNotification notification, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var first = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO processed_webhook_events (event_id, type, processed_at) VALUES ({notification.EventId}, {notification.Type}, now()) ON CONFLICT DO NOTHING", ct);
            if (first == 0)
            {
                await transaction.CommitAsync(ct);
                return NotificationOutcome.Duplicate;
            }

            var payment = notification.OrderId is { } orderId ? await db.LockPaymentAsync(orderId, ct) : null;
            payment ??= await db.LockPaymentByProviderIdAsync(notification.ProviderPaymentId, ct);
            var applied = payment is not null && Apply(payment, notification);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Provider event {EventId} ({Type}) for order {OrderId}: {Outcome}",
                notification.EventId, notification.Type, payment?.OrderId, applied ? "applied" : "ignored");
            return applied ? NotificationOutcome.Applied : NotificationOutcome.Ignored;
        }, cancellationToken);

    private bool Apply(Payment payment, ProviderNotification notification)
    {
        var unsettled = payment.Status is PaymentStatus.Pending or PaymentStatus.Processing or PaymentStatus.RequiresAction or PaymentStatus.Authorised;
        switch (notification.Kind)
        {
            case ProviderNotificationKind.PaymentSucceeded when unsettled:
                PaymentOutcomes.Captured(db, payment, notification.ProviderPaymentId, notification.AmountMinor);
                return true;
            case ProviderNotificationKind.PaymentFailed when unsettled:
                PaymentOutcomes.Failed(db, payment, notification.ProviderPaymentId, notification.FailureCode ?? FailureReasons.ProcessingFailed);
                return true;
            case ProviderNotificationKind.ChargeRefunded when notification.AmountMinor > payment.RefundedMinor && payment.Refundable > 0:
                // A refund made outside this service (the Stripe dashboard): record the difference so totals match the provider.
                var missing = Math.Min(notification.AmountMinor - payment.RefundedMinor, payment.Refundable);
                PaymentOutcomes.Refunded(db, payment, missing, notification.EventId, "refunded_at_provider", idempotencyKey: null);
                return true;
            default:
                return false;
        }
    }
}
