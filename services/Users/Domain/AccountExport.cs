using ECommerce.Contracts;

namespace ECommerce.Users.Domain;

/// <summary>Everything the Users service holds about one person (the right of access and to portability).</summary>
public sealed record AccountExport(
    string UserId,
    DateTimeOffset ExportedAt,
    ProfileResponse Profile,
    PreferencesResponse Preferences,
    IReadOnlyList<ExportedAddress> Addresses)
{
    public static AccountExport From(UserProfile profile, IEnumerable<Address> addresses, DateTimeOffset now) =>
        new(profile.UserId, now, ProfileResponse.From(profile), PreferencesResponse.From(profile.Preferences),
            addresses.Select(ExportedAddress.From).ToList());
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
