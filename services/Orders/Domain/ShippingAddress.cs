namespace ECommerce.Orders.Domain;

/// <summary>Where the order goes, copied onto the order so later edits to the address book do not change it.</summary>
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
