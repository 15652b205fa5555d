using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>
/// An order held for risk review (OrderPlaced.HoldForReview) has its payment authorised and not captured: the funds are
/// held at the provider until the back office approves (capture) or rejects (the authorisation is cancelled).
/// </summary>
[EventName("PaymentAuthorised")]
public sealed record PaymentAuthorised(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency) : IntegrationEvent;

/// <summary>The order's payment was captured.</summary>
[EventName("PaymentSucceeded")]
public sealed record PaymentSucceeded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency) : IntegrationEvent;

/// <summary>
/// The order's payment was declined or failed. <c>CanRetry</c>: the shopper may pay again with another method (a
/// decline, a failed or abandoned 3-D Secure check); false when no payment of this order can succeed (an amount the
/// currency cannot express). Events written before it existed carry false, as their orders were cancelled then.
/// </summary>
[EventName("PaymentFailed")]
public sealed record PaymentFailed(Guid OrderId, string Reason, bool CanRetry = false) : IntegrationEvent;

/// <summary>
/// A refund (full or partial) went through. <c>RefundId</c> is the provider's id for this refund, so a consumer can
/// tell a second partial refund from a republished first one; events written before it existed carry null.
/// </summary>
[EventName("PaymentRefunded")]
public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency, string? RefundId = null) : IntegrationEvent;
