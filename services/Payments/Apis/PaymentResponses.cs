using ECommerce.Payments.Model;

namespace ECommerce.Payments.Apis;

/// <summary>A customer's view of their order's payment.</summary>
public sealed record MyPaymentResponse(
    Guid OrderId, PaymentStatus Status, long AmountMinor, string Currency, long CapturedMinor, long RefundedMinor,
    string? FailureReason, string? Provider, bool Simulated);

/// <summary>An order's payment with its full ledger, for admins.</summary>
public sealed record PaymentHistoryResponse(
    Guid OrderId, Guid PaymentId, string CustomerId, PaymentStatus Status, long AmountMinor, string Currency, string PaymentMethod,
    string? Provider, string? ProviderPaymentId, string? FailureReason, LedgerTotals Totals, IReadOnlyList<LedgerEntryResponse> Entries);

/// <summary>Sums of the ledger rows; <see cref="NetMinor"/> = captured − refunded, never negative.</summary>
public sealed record LedgerTotals(long AuthorisedMinor, long CapturedMinor, long RefundedMinor, long NetMinor, long RefundableMinor)
{
    public static LedgerTotals Of(IReadOnlyCollection<LedgerEntry> entries)
    {
        long Sum(LedgerEntryKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.AmountMinor);
        var captured = Sum(LedgerEntryKind.Captured);
        var refunded = Sum(LedgerEntryKind.Refunded);
        return new LedgerTotals(Sum(LedgerEntryKind.Authorised), captured, refunded, captured - refunded, captured - refunded);
    }
}

public sealed record LedgerEntryResponse(long Id, LedgerEntryKind Kind, long AmountMinor, string Currency, string? ProviderReference, string? Reason, DateTimeOffset OccurredAt)
{
    public static LedgerEntryResponse From(LedgerEntry e) => new(e.Id, e.Kind, e.AmountMinor, e.Currency, e.ProviderReference, e.Reason, e.OccurredAt);
}

/// <summary>A partial (or full) refund asked by an admin. <c>AmountMinor</c> is in the payment's currency's minor units.</summary>
public sealed record RefundRequest(long AmountMinor, string? Reason);

public sealed record RefundResponse(Guid OrderId, long AmountMinor, string Currency, string? ProviderRefundId, long RefundedTotalMinor, long RefundableMinor, DateTimeOffset OccurredAt);

/// <summary>What the webhook endpoint did with an event: applied, duplicate (a replay) or ignored.</summary>
public sealed record WebhookAcknowledgement(string EventId, string Outcome);
