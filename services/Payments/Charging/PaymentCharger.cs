using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;

namespace ECommerce.Payments.Charging;

/// <summary>
/// Charges an order once its stock is reserved, and again for each retry after a failure. Runs inside the caller's
/// transaction: the payment row is locked first, so a second charger of the same order waits, then finds it no longer
/// pending and does nothing. If anything throws after the provider answered, the transaction rolls back and the
/// redelivery repeats the same idempotent calls (keys per order and attempt).
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

        await ChargeAsync(payment, cancellationToken);
    }

    /// <summary>Charges a locked, pending payment: the checkout's attempt or a retry's.</summary>
    public async Task ChargeAsync(Payment payment, CancellationToken cancellationToken)
    {
        payment.StartCharge(provider.Name);
        var authorised = await provider.AuthoriseAsync(new AuthorisePaymentRequest(payment.OrderId, payment.CustomerId, payment.AmountMinor,
            payment.Currency, payment.PaymentMethod, IdempotencyKeys.Authorise(payment.OrderId, payment.Attempt)), cancellationToken);
        await SettleAsync(payment, authorised, cancellationToken);
    }

    /// <summary>
    /// Acts on the provider's answer: funds held are captured at once, unless the order is held for risk review (then
    /// they stay authorised until the back office decides); the rest is recorded as it stands. Also used after the
    /// shopper's 3-D Secure check, with the intent as the provider then reports it.
    /// </summary>
    public async Task SettleAsync(Payment payment, ProviderPaymentResult result, CancellationToken cancellationToken)
    {
        if (result.Status == ProviderPaymentStatus.RequiresCapture)
        {
            payment.MarkAuthorised(result.ProviderPaymentId!);
            if (payment.HoldForReview)
            {
                PaymentOutcomes.AuthorisedForReview(db, payment);
                logger.LogInformation("Order {OrderId} authorised (attempt {Attempt}) and held for risk review; not captured", payment.OrderId, payment.Attempt);
                return;
            }

            result = await provider.CaptureAsync(result.ProviderPaymentId!, payment.AmountMinor,
                IdempotencyKeys.Capture(payment.OrderId, payment.Attempt), cancellationToken);
        }

        Apply(payment, result);
    }

    /// <summary>
    /// The back office approved a held order: its authorised payment is captured with the attempt's capture key, so a
    /// redelivered approval (or one racing a second consumer, which waits on the row lock) captures once.
    /// </summary>
    public async Task CaptureHeldAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(orderId, cancellationToken) ?? throw new PaymentNotRecordedException(orderId);
        if (payment.Status != PaymentStatus.Authorised)
        {
            logger.LogInformation("Order {OrderId} approved after review but its payment is {Status}; nothing to capture", orderId, payment.Status);
            return;
        }

        Apply(payment, await provider.CaptureAsync(payment.ProviderPaymentId!, payment.AmountMinor,
            IdempotencyKeys.Capture(payment.OrderId, payment.Attempt), cancellationToken));
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
                // The shopper is on the order page: it shows the bank's check, then asks us to finish (PaymentAuthenticator).
                payment.MarkRequiresAction(result.ProviderPaymentId!, result.ClientSecret);
                PaymentsMetrics.RequiresAction();
                break;
            default:
                PaymentOutcomes.Failed(db, payment, result.ProviderPaymentId, result.FailureCode ?? FailureReasons.CardDeclined);
                break;
        }

        logger.LogInformation("Order {OrderId} charge (attempt {Attempt}) ended {Status} at {Provider}", payment.OrderId, payment.Attempt, payment.Status, provider.Name);
    }
}
