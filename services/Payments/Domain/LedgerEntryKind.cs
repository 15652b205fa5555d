namespace ECommerce.Payments.Domain;

/// <summary>What a ledger row records.</summary>
public enum LedgerEntryKind
{
    Authorised,
    Captured,
    Refunded,
    Failed,
}
