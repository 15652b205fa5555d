using System.Net;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Clients;

/// <summary>Users' address book (<c>GET /api/users/me/addresses/{id}</c>), called with the customer's own bearer token (ForwardCallerToken).</summary>
public sealed class UsersClient(HttpClient http)
{
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
        // An address-book entry is a PostalAddress with a label and default flags, which Orders does not need.
        var address = await response.Content.ReadFromJsonAsync<PostalAddress>(cancellationToken)
            ?? throw new HttpRequestException("Users answered an empty address.");
        return ShippingAddress.From(address);
    }
}
