using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;

namespace ECommerce.Payments.Charging;

/// <summary>
/// Charges an order once its stock is reserved. Runs inside the caller's transaction: the payment row is locked first,
/// so a second charger of the same order waits, then finds it no longer pending and does nothing. If anything throws
/// after the provider answered, the transaction rolls back and the redelivery repeats the same idempotent calls.
/// </summary>
public sealed class PaymentCharger(PaymentsDbContext db, IPaymentProvider provider, ILogger<PaymentCharger> logger)
{
    public async Task ChargeAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(orderId, cancellationToken) ?? throw new PaymentNotRecordedException(orderId);
        if (payment.Status != PaymentStatus.Pending)
        {
            logger.LogInformation("Order {OrderId} is already {Status}; not charging again", orderId, payment.Status);
            return;
        }

        payment.StartCharge(provider.Name);
        var authorised = await provider.AuthoriseAsync(new AuthorisePaymentRequest(orderId, payment.CustomerId, payment.AmountMinor,
            payment.Currency, payment.PaymentMethod, IdempotencyKeys.Authorise(orderId)), cancellationToken);

        if (authorised.Status == ProviderPaymentStatus.RequiresCapture)
        {
            payment.MarkAuthorised(authorised.ProviderPaymentId!);
            var captured = await provider.CaptureAsync(authorised.ProviderPaymentId!, payment.AmountMinor, IdempotencyKeys.Capture(orderId), cancellationToken);
            Apply(payment, captured);
            return;
        }

        Apply(payment, authorised);
    }

    private void Apply(Payment payment, ProviderPaymentResult result)
    {
        switch (result.Status)
        {
            case ProviderPaymentStatus.Succeeded:
                PaymentOutcomes.Captured(db, payment, result.ProviderPaymentId!, result.AmountMinor);
                break;
            case ProviderPaymentStatus.Processing:
                // Settles later: a webhook (or the simulated provider's notification) decides it.
                payment.MarkProcessing(result.ProviderPaymentId!);
                break;
            case ProviderPaymentStatus.RequiresAction:
                PaymentOutcomes.Failed(db, payment, result.ProviderPaymentId, FailureReasons.AuthenticationRequired);
                break;
            default:
                PaymentOutcomes.Failed(db, payment, result.ProviderPaymentId, result.FailureCode ?? FailureReasons.CardDeclined);
                break;
        }

        logger.LogInformation("Order {OrderId} charge ended {Status} at {Provider}", payment.OrderId, payment.Status, provider.Name);
    }
}
