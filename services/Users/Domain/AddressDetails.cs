namespace ECommerce.Users.Domain;

/// <summary>Validated, normalised address fields, ready to be written to an <see cref="Address"/>.</summary>
public sealed record AddressDetails(
    string Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string Postcode,
    string? Region,
    string Country,
    string? Phone)
{
    public void ApplyTo(Address address, DateTimeOffset now)
    {
        address.Label = Label;
        address.Recipient = Recipient;
        address.Line1 = Line1;
        address.Line2 = Line2;
        address.City = City;
        address.Postcode = Postcode;
        address.Region = Region;
        address.Country = Country;
        address.Phone = Phone;
        address.UpdatedAt = now;
    }
}
