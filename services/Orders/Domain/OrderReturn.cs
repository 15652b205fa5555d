namespace ECommerce.Orders.Domain;

/// <summary>
/// A shopper's return of delivered items: requested, then approved or rejected by the back office, then received
/// (each line restocked or written off), which asks Payments for the refund; refunded once Payments says so.
/// </summary>
public sealed class OrderReturn
{
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    public ReturnStatus Status { get; set; }

    public List<ReturnItem> Lines { get; set; } = [];

    public string? Note { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? RejectionReason { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>What the return refunds (lines and, by the rule, shipping), in the order currency's minor units; set on receipt.</summary>
    public long? RefundMinor { get; set; }

    /// <summary>Whether <see cref="RefundMinor"/> includes the order's shipping (so no later return refunds it again).</summary>
    public bool RefundsShipping { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>Counts against what may still be returned: everything but a rejected return.</summary>
    public bool Holds => Status != ReturnStatus.Rejected;
}

/// <summary>A returned quantity of one order line, the shopper's reason, and (once received) whether it went back on sale.</summary>
public sealed record ReturnItem(Guid ProductId, string Sku, int Quantity, string Reason, bool? Restock = null);

public enum ReturnStatus
{
    Requested,
    Approved,
    Rejected,
    Received,
    Refunded,
}

/// <summary>The reasons a shopper can give for returning a line.</summary>
public static class ReturnReasons
{
    public const string Damaged = "damaged";
    public const string WrongItem = "wrong_item";

    public static readonly IReadOnlyList<string> All = ["no_longer_needed", Damaged, WrongItem, "not_as_described", "arrived_late", "other"];

    /// <summary>The store's fault: the shipping is refunded too.</summary>
    public static bool IsStoreFault(string reason) => reason is Damaged or WrongItem;
}
