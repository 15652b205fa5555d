using ECommerce.Contracts;
using ECommerce.Users.Domain;

namespace ECommerce.Users.Addresses;

/// <summary>
/// An address-book entry as callers see it: the shared <see cref="PostalAddress"/> fields, flat, plus its id, label and
/// default flags. Orders reads it as a <see cref="PostalAddress"/>, so fields are only ever added.
/// </summary>
public sealed record AddressResponse(
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
    bool IsDefaultBilling) : PostalAddress(Recipient, Line1, Line2, City, Postcode, Region, Country, Phone)
{
    public static AddressResponse From(Address a) =>
        new(a.Id, a.Label, a.Recipient, a.Line1, a.Line2, a.City, a.Postcode, a.Region, a.Country, a.Phone, a.IsDefaultShipping, a.IsDefaultBilling);
}

/// <summary>
/// Creates or replaces an address: a <see cref="PostalAddress"/>, checked by its shared rules, plus a label. The default
/// flags are optional: omitted on create, the first address becomes the default for both; omitted on update, they stay
/// as they were. Setting one moves that default here.
/// </summary>
public sealed record SaveAddressRequest(
    string? Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Postcode,
    string? Region,
    string Country,
    string? Phone,
    bool? IsDefaultShipping,
    bool? IsDefaultBilling) : PostalAddress(Recipient, Line1, Line2, City, Postcode, Region, Country, Phone)
{
    public const int MaxLabelLength = 50;

    public ValidationErrors Validate(out AddressDetails details)
    {
        var errors = new ValidationErrors();
        var label = errors.Text("label", Label, MaxLabelLength, required: false) ?? "";
        var postal = Validate(errors);
        // Without errors the normalised address is what is stored; with errors the details are not used.
        details = new AddressDetails(label, postal ?? this);
        return errors;
    }
}
