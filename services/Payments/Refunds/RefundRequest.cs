namespace ECommerce.Payments.Refunds;

/// <summary>A partial (or full) refund asked by an admin. <c>AmountMinor</c> is in the payment's currency's minor units.</summary>
public sealed record RefundRequest(long AmountMinor, string? Reason);

/// <summary>The refund made (or, for a repeated Idempotency-Key, the one made the first time) and what remains refundable.</summary>
public sealed record RefundResponse(Guid OrderId, long AmountMinor, string Currency, string? ProviderRefundId, long RefundedTotalMinor, long RefundableMinor, DateTimeOffset OccurredAt);
