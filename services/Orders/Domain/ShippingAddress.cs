using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// Where the order goes, copied onto the order so later edits to the address book do not change it: the order's own
/// columns for a <see cref="PostalAddress"/>, which is what it is on the wire.
/// </summary>
public sealed class ShippingAddress
{
    public string Recipient { get; set; } = "";

    public string Line1 { get; set; } = "";

    public string? Line2 { get; set; }

    public string City { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";

    public string? Phone { get; set; }

    public static ShippingAddress From(PostalAddress a) => new()
    {
        Recipient = a.Recipient,
        Line1 = a.Line1,
        Line2 = a.Line2,
        City = a.City,
        Postcode = a.Postcode ?? "",
        Region = a.Region,
        Country = a.Country,
        Phone = a.Phone,
    };

    public PostalAddress ToPostalAddress() => new(Recipient, Line1, Line2, City, Postcode, Region, Country, Phone);

    /// <summary>Removes what identifies a person; the country stays for tax and statistics.</summary>
    public void Anonymise()
    {
        Recipient = "(deleted)";
        Line1 = "(deleted)";
        Line2 = null;
        City = "(deleted)";
        Postcode = "";
        Region = null;
        Phone = null;
    }
}
