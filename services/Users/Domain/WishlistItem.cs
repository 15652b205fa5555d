namespace ECommerce.Users.Domain;

/// <summary>
/// A product (or a variant, which Products keeps as a product row of its own) a customer saved for later. What the
/// product cost and whether it could be bought when it was saved are kept, so the list can say "price dropped" and
/// "back in stock" against today's lookup; everything else about the product is read live from Products.
/// </summary>
public sealed class WishlistItem
{
    /// <summary>The most a customer keeps (also the most one merge request may name); docs/users.md states it.</summary>
    public const int MaxPerUser = 200;

    public required string UserId { get; init; }

    public Guid ProductId { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public decimal PriceWhenSaved { get; init; }

    /// <summary>ISO 4217, as Products priced it then; a price in another currency now is never called a drop.</summary>
    public string Currency { get; init; } = "";

    public bool AvailableWhenSaved { get; init; }
}
