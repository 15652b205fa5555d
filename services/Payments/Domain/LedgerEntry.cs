namespace ECommerce.Payments.Domain;

/// <summary>
/// One append-only row of the payment ledger. Rows are never updated or deleted (a database trigger refuses it), so an
/// order's totals are always the sum of what happened to it.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid OrderId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>The provider's id for what happened (payment intent, refund), for reconciling with its dashboard.</summary>
    public string? ProviderReference { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Set for refunds asked with an idempotency key: the same key never refunds twice.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    private LedgerEntry()
    {
    }

    internal static LedgerEntry For(Payment payment, LedgerEntryKind kind, long amountMinor, string? providerReference, string? reason = null, string? idempotencyKey = null) => new()
    {
        PaymentId = payment.Id,
        OrderId = payment.OrderId,
        Kind = kind,
        AmountMinor = amountMinor,
        Currency = payment.Currency,
        ProviderReference = providerReference,
        Reason = reason,
        IdempotencyKey = idempotencyKey,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
