using ECommerce.Users.Domain;


namespace ECommerce.Users.Addresses;

/// <summary>An address as callers see it — the shape Orders relies on (see CONVENTIONS.md), so fields are only ever added.</summary>
public sealed record AddressResponse(
    Guid Id,
    string Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string Postcode,
    string? Region,
    string Country,
    string? Phone,
    bool IsDefaultShipping,
    bool IsDefaultBilling)
{
    public static AddressResponse From(Address a) =>
        new(a.Id, a.Label, a.Recipient, a.Line1, a.Line2, a.City, a.Postcode, a.Region, a.Country, a.Phone, a.IsDefaultShipping, a.IsDefaultBilling);
}

/// <summary>
/// Creates or replaces an address. The default flags are optional: omitted on create, the first address becomes the
/// default for both; omitted on update, they stay as they were. Setting one moves that default here.
/// </summary>
public sealed record SaveAddressRequest(
    string? Label,
    string? Recipient,
    string? Line1,
    string? Line2,
    string? City,
    string? Postcode,
    string? Region,
    string? Country,
    string? Phone,
    bool? IsDefaultShipping,
    bool? IsDefaultBilling)
{
    public ValidationErrors Validate(out AddressDetails details)
    {
        var errors = new ValidationErrors();
        var label = errors.Text("label", Label, 50, required: false) ?? "";
        var recipient = errors.Text("recipient", Recipient, 100, required: true) ?? "";
        var line1 = errors.Text("line1", Line1, 200, required: true) ?? "";
        var line2 = errors.Text("line2", Line2, 200, required: false);
        var city = errors.Text("city", City, 100, required: true) ?? "";
        var region = errors.Text("region", Region, 100, required: false);
        var phone = errors.Text("phone", Phone, 32, required: false);
        if (ContactRules.ValidatePhone(phone) is { } phoneError)
        {
            errors.Add("phone", phoneError);
        }

        var postcode = "";
        if (!CountryCodes.TryNormalize(Country, out var country))
        {
            errors.Add("country", "An ISO 3166-1 alpha-2 country code such as GB, DE or US.");
        }
        else if (PostcodeRules.Validate(country, Postcode, out postcode) is { } postcodeError)
        {
            errors.Add("postcode", postcodeError);
        }

        details = new AddressDetails(label, recipient, line1, line2, city, postcode, region, country, phone);
        return errors;
    }
}
