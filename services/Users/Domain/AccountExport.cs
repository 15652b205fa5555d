using ECommerce.Contracts;

namespace ECommerce.Users.Domain;

/// <summary>Everything the Users service holds about one person (the right of access and to portability).</summary>
public sealed record AccountExport(
    string UserId,
    DateTimeOffset ExportedAt,
    ProfileResponse Profile,
    PreferencesResponse Preferences,
    IReadOnlyList<ExportedAddress> Addresses,
    IReadOnlyList<ExportedWishlistItem> Wishlist)
{
    public static AccountExport From(UserProfile profile, IEnumerable<Address> addresses, IEnumerable<WishlistItem> wishlist, DateTimeOffset now) =>
        new(profile.UserId, now, ProfileResponse.From(profile), PreferencesResponse.From(profile.Preferences),
            addresses.Select(ExportedAddress.From).ToList(), wishlist.Select(ExportedWishlistItem.From).ToList());
}

/// <summary>A saved product as stored: the id, when, and the price and availability then (the product's own data is Products').</summary>
public sealed record ExportedWishlistItem(Guid ProductId, DateTimeOffset SavedAt, decimal PriceWhenSaved, string Currency, bool AvailableWhenSaved)
{
    public static ExportedWishlistItem From(WishlistItem w) => new(w.ProductId, w.SavedAt, w.PriceWhenSaved, w.Currency, w.AvailableWhenSaved);
}

/// <summary>An address-book entry (a PostalAddress with its label and defaults) with its bookkeeping dates, which the everyday <c>AddressResponse</c> leaves out.</summary>
public sealed record ExportedAddress(
    Guid Id,
    string Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Postcode,
    string? Region,
    string Country,
    string? Phone,
    bool IsDefaultShipping,
    bool IsDefaultBilling,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : PostalAddress(Recipient, Line1, Line2, City, Postcode, Region, Country, Phone)
{
    public static ExportedAddress From(Address a) =>
        new(a.Id, a.Label, a.Recipient, a.Line1, a.Line2, a.City, a.Postcode, a.Region, a.Country, a.Phone,
            a.IsDefaultShipping, a.IsDefaultBilling, a.CreatedAt, a.UpdatedAt);
}
