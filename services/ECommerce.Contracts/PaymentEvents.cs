using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>The order's payment was captured.</summary>
public sealed record PaymentSucceeded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency) : IntegrationEvent;

/// <summary>The order's payment was declined or failed.</summary>
public sealed record PaymentFailed(Guid OrderId, string Reason) : IntegrationEvent;

/// <summary>A refund (full or partial) went through.</summary>
public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId, long AmountMinor, string Currency) : IntegrationEvent;
