namespace ECommerce.Payments.Providers;

/// <summary>What a provider tells us after the fact: a Stripe webhook, or the simulated provider's equivalent.</summary>
public enum ProviderNotificationKind
{
    PaymentSucceeded,
    PaymentFailed,
    ChargeRefunded,
}

/// <summary>
/// A provider event reduced to what Payments acts on. <see cref="EventId"/> is the provider's event id (a replay carries
/// the same one); <see cref="AmountMinor"/> is the amount received, or for refunds the total refunded so far.
/// </summary>
public sealed record ProviderNotification(
    string EventId,
    string Type,
    ProviderNotificationKind Kind,
    string ProviderPaymentId,
    Guid? OrderId,
    long AmountMinor,
    string? FailureCode = null);
