using ECommerce.Contracts;

namespace ECommerce.Users.Domain;

/// <summary>A validated, normalised address and its label, ready to be written to an <see cref="Address"/>.</summary>
public sealed record AddressDetails(string Label, PostalAddress Postal)
{
    public void ApplyTo(Address address, DateTimeOffset now)
    {
        address.Label = Label;
        address.Recipient = Postal.Recipient;
        address.Line1 = Postal.Line1;
        address.Line2 = Postal.Line2;
        address.City = Postal.City;
        address.Postcode = Postal.Postcode ?? "";
        address.Region = Postal.Region;
        address.Country = Postal.Country;
        address.Phone = Postal.Phone;
        address.UpdatedAt = now;
    }
}
