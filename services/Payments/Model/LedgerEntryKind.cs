namespace ECommerce.Payments.Model;

/// <summary>What a ledger row records.</summary>
public enum LedgerEntryKind
{
    Authorised,
    Captured,
    Refunded,
    Failed,
}
