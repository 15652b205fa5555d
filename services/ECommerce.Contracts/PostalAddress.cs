using System.Globalization;
using ECommerce.ServiceDefaults;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Contracts;

/// <summary>
/// A postal address as every service sends and receives it: Users' address book (whose entries add a label and the
/// default flags), Orders' checkout and order detail, and Orders' read of an address from Users. Each service stores it
/// in its own columns; this JSON shape and <see cref="Validate"/> are the one definition. The postcode may be absent
/// where a country has none.
/// </summary>
public record PostalAddress(
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Postcode,
    string? Region,
    string Country,
    string? Phone)
{
    public const int MaxRecipientLength = 100;
    public const int MaxLineLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxRegionLength = 100;
    private const int MaxPostcodeInputLength = 20;

    private static readonly string[] FieldNames = ["recipient", "line1", "line2", "city", "postcode", "region", "country", "phone"];

    /// <summary>
    /// Checks every field, recording errors under <c>{prefix}.{field}</c> (<c>shippingAddress.city</c>) or the bare
    /// field name without a prefix, and answers the address trimmed and normalised (country and postcode upper case,
    /// empty optionals as null, a missing postcode as ""), or null when a field is wrong. Free text refuses invisible
    /// formatting characters and anything that looks like a card number, which is never echoed back.
    /// </summary>
    public PostalAddress? Validate(ValidationErrors errors, string? prefix = null)
    {
        var fieldPrefix = string.IsNullOrEmpty(prefix) ? "" : prefix + ".";
        var recipient = FreeText(errors, fieldPrefix + "recipient", Recipient, MaxRecipientLength, required: true);
        var line1 = FreeText(errors, fieldPrefix + "line1", Line1, MaxLineLength, required: true);
        var line2 = FreeText(errors, fieldPrefix + "line2", Line2, MaxLineLength, required: false);
        var city = FreeText(errors, fieldPrefix + "city", City, MaxCityLength, required: true);
        var region = FreeText(errors, fieldPrefix + "region", Region, MaxRegionLength, required: false);
        var phone = FreeText(errors, fieldPrefix + "phone", Phone, PhoneNumbers.MaxLength, required: false);
        if (!errors.Has(fieldPrefix + "phone") && PhoneNumbers.Validate(phone) is { } phoneError)
        {
            errors.Add(fieldPrefix + "phone", phoneError);
        }

        var postcodeField = fieldPrefix + "postcode";
        var postcode = FreeText(errors, postcodeField, Postcode, MaxPostcodeInputLength, required: false);
        var normalizedPostcode = "";
        if (!CountryCodes.TryNormalize(Country, out var country))
        {
            errors.Add(fieldPrefix + "country", "An ISO 3166-1 alpha-2 country code such as GB, DE or US.");
        }
        else if (!errors.Has(postcodeField) && PostcodeRules.Validate(country, postcode, out normalizedPostcode) is { } postcodeError)
        {
            errors.Add(postcodeField, postcodeError);
        }

        return !FieldNames.Any(name => errors.Has(fieldPrefix + name))
            ? new PostalAddress(recipient!, line1!, line2, city!, normalizedPostcode, region, country, phone)
            : null;
    }

    /// <summary>The address as <see cref="Validate"/> answers it; for an address that has passed validation.</summary>
    public PostalAddress Normalized() =>
        Validate(new ValidationErrors()) ?? throw new InvalidOperationException("Only a valid address can be normalised; validate it first.");

    private static string? FreeText(ValidationErrors errors, string field, string? value, int maxLength, bool required)
    {
        var text = errors.Text(field, value, maxLength, required);
        if (text is null || errors.Has(field))
        {
            return text;
        }

        if (text.Any(IsInvisible))
        {
            // Bidi overrides and zero-width characters make a label on a parcel show something other than what it says.
            errors.Add(field, "Control and invisible formatting characters are not allowed.");
        }
        else if (CardDataDetector.FindInText(text))
        {
            // A card number pasted into the wrong box would be stored and shown in plain text: refused, never echoed.
            errors.Add(field, "This looks like a payment card number; card details are never entered here.");
        }

        return text;
    }

    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;
}
