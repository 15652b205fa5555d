using ECommerce.Users.Clients;
using ECommerce.Users.Domain;

namespace ECommerce.Users.Wishlist;

/// <summary>
/// One saved product as the list shows it: what Products says now (name, image, price, availability, whether it is still
/// sold) beside what it was when saved. <see cref="PriceDropped"/> compares prices in the same currency only and then
/// gives <see cref="OldPrice"/>; <see cref="BackInStock"/> is "could not be bought when saved, can be now". A product
/// Products no longer knows keeps its row (so the customer sees it went) with no name, price or slug and Active false.
/// </summary>
public sealed record WishlistItemView(
    Guid ProductId,
    string? Name,
    string? Slug,
    string? ImageUrl,
    decimal? Price,
    string Currency,
    bool Available,
    bool Active,
    DateTimeOffset SavedAt,
    decimal PriceWhenSaved,
    bool PriceDropped,
    decimal? OldPrice,
    bool BackInStock)
{
    public static WishlistItemView From(WishlistItem item, ProductInfo? now)
    {
        if (now is null)
        {
            return new(item.ProductId, null, null, null, null, item.Currency, false, false, item.SavedAt, item.PriceWhenSaved, false, null, false);
        }

        var available = now.Active && now.InStock;
        var dropped = now.Active && now.Currency == item.Currency && now.Price < item.PriceWhenSaved;
        return new(item.ProductId, now.Name, now.Slug, now.ImageUrl, now.Price, now.Currency, available, now.Active, item.SavedAt,
            item.PriceWhenSaved, dropped, dropped ? item.PriceWhenSaved : null, available && !item.AvailableWhenSaved);
    }
}

/// <summary>The customer's wishlist, newest first, with the limit it is kept to.</summary>
public sealed record WishlistView(IReadOnlyList<WishlistItemView> Items, int MaxItems)
{
    public static WishlistView From(IEnumerable<WishlistItem> items, IReadOnlyDictionary<Guid, ProductInfo> products) =>
        new(items.Select(i => WishlistItemView.From(i, products.GetValueOrDefault(i.ProductId))).ToList(), WishlistItem.MaxPerUser);
}

/// <summary>
/// An anonymous visitor's saved products, sent once at sign-in. At most <see cref="WishlistItem.MaxPerUser"/> ids;
/// duplicates and ids already saved are ignored.
/// </summary>
public sealed record MergeWishlistRequest(IReadOnlyList<Guid>? ProductIds)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (ProductIds is null)
        {
            errors["productIds"] = ["The product ids are required (an empty list merges nothing)."];
        }
        else if (ProductIds.Count > WishlistItem.MaxPerUser)
        {
            errors["productIds"] = [$"At most {WishlistItem.MaxPerUser} product ids can be merged at once."];
        }

        return errors;
    }
}

/// <summary>
/// The wishlist after a merge, and the ids that were not saved: unknown to Products, no longer sold, or past the
/// limit of <see cref="WishlistItem.MaxPerUser"/> items.
/// </summary>
public sealed record WishlistMergeResult(WishlistView Wishlist, IReadOnlyList<Guid> NotSaved);
