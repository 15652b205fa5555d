using ECommerce.Payments.Domain;

namespace ECommerce.Payments.MyPayments;

/// <summary>A customer's view of their order's payment.</summary>
public sealed record MyPaymentResponse(
    Guid OrderId, PaymentStatus Status, long AmountMinor, string Currency, long CapturedMinor, long RefundedMinor,
    string? FailureReason, string? Provider, bool Simulated);
