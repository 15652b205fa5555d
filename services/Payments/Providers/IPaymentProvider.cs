namespace ECommerce.Payments.Providers;

/// <summary>
/// A payment provider as Payments needs it: authorise (create and confirm with manual capture, the shopper present for
/// a 3-D Secure check), read an intent's state after that check, capture, cancel, refund.
/// Every call carries an idempotency key derived from the order, so repeating a call never repeats its effect.
/// Declines come back as results; a provider that cannot be reached throws <see cref="PaymentProviderUnavailableException"/>.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>"stripe" or "simulated": stored on each payment and shown by the config endpoint.</summary>
    string Name { get; }

    Task<ProviderPaymentResult> AuthoriseAsync(AuthorisePaymentRequest request, CancellationToken cancellationToken);

    /// <summary>The intent as the provider sees it now: after the shopper's 3-D Secure check, RequiresCapture or Failed.</summary>
    Task<ProviderPaymentResult> GetAsync(string providerPaymentId, CancellationToken cancellationToken);

    Task<ProviderPaymentResult> CaptureAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Cancels an intent that was never captured (an order cancelled while its 3-D Secure check was open).</summary>
    Task CancelAsync(string providerPaymentId, CancellationToken cancellationToken);

    Task<ProviderRefundResult> RefundAsync(string providerPaymentId, long amountMinor, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>What to authorise: the order's amount in minor units, its currency and the storefront's payment method token.</summary>
public sealed record AuthorisePaymentRequest(Guid OrderId, string CustomerId, long AmountMinor, string Currency, string PaymentMethod, string IdempotencyKey);

/// <summary>A provider payment's state, named after Stripe's PaymentIntent statuses that matter to us.</summary>
public enum ProviderPaymentStatus
{
    RequiresCapture,
    Succeeded,
    Processing,
    RequiresAction,
    Failed,
}

/// <summary>A provider's answer; <c>ClientSecret</c> comes with RequiresAction, for the shopper's browser to run the bank's check.</summary>
public sealed record ProviderPaymentResult(string? ProviderPaymentId, ProviderPaymentStatus Status, long AmountMinor, string? FailureCode = null, string? ClientSecret = null);

public sealed record ProviderRefundResult(string ProviderRefundId, long AmountMinor);

/// <summary>The provider could not be reached or answered with a server error: the caller should retry later, with the same key.</summary>
public sealed class PaymentProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The provider refused a request that was not a card decline (a refund larger than the charge, an unknown payment).</summary>
public sealed class PaymentProviderRejectedException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
