using ECommerce.Payments.Domain;

namespace ECommerce.Payments.Admin;

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
