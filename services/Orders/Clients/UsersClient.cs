using System.Net;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Clients;

/// <summary>Users' address book (<c>GET /api/users/me/addresses/{id}</c>), called with the customer's own bearer token (ForwardCallerToken).</summary>
public sealed class UsersClient(HttpClient http)
{
    private sealed record AddressResponse(
        Guid Id, string? Label, string Recipient, string Line1, string? Line2, string City, string Postcode, string? Region, string Country, string? Phone);

    /// <summary>The customer's address, or null when Users does not know it for this customer (another's, or deleted).</summary>
    public Task<ShippingAddress?> GetAddressAsync(Guid addressId, CancellationToken cancellationToken) =>
        DependencyUnavailableException.Guard("users", () => GetAddressCoreAsync(addressId, cancellationToken), cancellationToken);

    private async Task<ShippingAddress?> GetAddressCoreAsync(Guid addressId, CancellationToken cancellationToken)
    {
        // The caller's token is forwarded (ForwardCallerToken), so Users decides whose address book this is: Orders never names the customer.
        using var response = await http.GetAsync($"/api/users/me/addresses/{addressId}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var address = await response.Content.ReadFromJsonAsync<AddressResponse>(cancellationToken)
            ?? throw new HttpRequestException("Users answered an empty address.");
        return new ShippingAddress
        {
            Recipient = address.Recipient,
            Line1 = address.Line1,
            Line2 = address.Line2,
            City = address.City,
            Postcode = address.Postcode,
            Region = address.Region,
            Country = address.Country,
            Phone = address.Phone,
        };
    }
}
