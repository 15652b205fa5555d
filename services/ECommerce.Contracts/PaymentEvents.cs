using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>The order's payment was captured.</summary>
[EventName("PaymentSucceeded")]
public sealed record PaymentSucceeded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency) : IntegrationEvent;

/// <summary>The order's payment was declined or failed.</summary>
[EventName("PaymentFailed")]
public sealed record PaymentFailed(Guid OrderId, string Reason) : IntegrationEvent;

/// <summary>
/// A refund (full or partial) went through. <c>RefundId</c> is the provider's id for this refund, so a consumer can
/// tell a second partial refund from a republished first one; events written before it existed carry null.
/// </summary>
[EventName("PaymentRefunded")]
public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency, string? RefundId = null) : IntegrationEvent;
