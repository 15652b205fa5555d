using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace ECommerce.Notifications.Clients;

/// <summary>Where a neighbour answers (<c>Notifications:Orders</c>, <c>Notifications:Users</c>); service-discovery names by default.</summary>
public sealed class ServiceAddress
{
    [Required]
    public Uri BaseAddress { get; set; } = null!;
}

/// <summary>Orders' internal read of one order, called as this service (client credentials).</summary>
public sealed class OrdersClient(HttpClient http)
{
    /// <summary>The order, or null when Orders does not know it; throws when Orders cannot answer (the mail is retried).</summary>
    public async Task<OrderForMail?> GetAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/internal/orders/{orderId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderForMail>(cancellationToken);
    }
}

/// <summary>Users' internal read of an account's address, name and language, called as this service.</summary>
public sealed class UsersClient(HttpClient http)
{
    public async Task<ContactForMail?> GetContactAsync(string userId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/internal/users/{Uri.EscapeDataString(userId)}/contact", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ContactForMail>(cancellationToken);
    }
}

/// <summary>Registers both clients with the client-credentials token handler.</summary>
public static class NeighbourClientsSetup
{
    public static IHostApplicationBuilder AddNeighbourClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceAddress>("orders").BindConfiguration("Notifications:Orders").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ServiceAddress>("users").BindConfiguration("Notifications:Users").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<OrdersClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("orders").BaseAddress).AddClientCredentialsToken();
        builder.Services.AddHttpClient<UsersClient>((sp, http) =>
            http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ServiceAddress>>().Get("users").BaseAddress).AddClientCredentialsToken();
        return builder;
    }
}
