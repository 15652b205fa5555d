namespace ECommerce.Orders.Persistence;

/// <summary>
/// One owner's cart as a row of <c>carts</c>: the lines as JSON (they are only ever read and written whole), and when
/// the cart expires unless it is read or changed again.
/// </summary>
public sealed class CartRecord
{
    /// <summary>The owner's key (<c>cart:customer:…</c> or <c>cart:anonymous:…</c>): one cart per owner.</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>The cart's lines as a JSON array (jsonb).</summary>
    public string Lines { get; set; } = "[]";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A cart at or past this instant reads as empty and is purged by the cleanup.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
