using System.Collections.Concurrent;
using ECommerce.Notifications.Clients;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ECommerce.Notifications.Tests;

/// <summary>
/// Stands in for Auth's token endpoint, Orders' internal order read and Users' internal contact read on a real loopback
/// Kestrel server, answering the agreed JSON. The internal reads require a bearer token with the <c>service</c> role.
/// </summary>
public sealed class NeighbourServices : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NeighbourServices(WebApplication app) => _app = app;

    public ConcurrentDictionary<Guid, OrderForMail> Orders { get; } = new();

    public ConcurrentDictionary<string, ContactForMail> Contacts { get; } = new();

    /// <summary>While true, Orders answers 503 (a neighbour outage the sender must ride out).</summary>
    public bool OrdersDown { get; set; }

    public string Address => _app.Urls.First();

    public static async Task<NeighbourServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var services = new NeighbourServices(app);
        app.MapPost("/connect/token", () => Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = TestTokens.Issue("notifications", ["service"]),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
        }));
        app.MapGet("/internal/orders/{id:guid}", (Guid id, HttpRequest request) =>
            !IsService(request) ? Results.Forbid()
            : services.OrdersDown ? Results.StatusCode(503)
            : services.Orders.TryGetValue(id, out var order) ? Results.Json(order) : Results.NotFound());
        app.MapGet("/internal/users/{id}/contact", (string id, HttpRequest request) =>
            !IsService(request) ? Results.Forbid()
            : services.Contacts.TryGetValue(id, out var contact) ? Results.Json(contact) : Results.NotFound());
        await app.StartAsync();
        return services;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static bool IsService(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && new JsonWebToken(header["Bearer ".Length..]).Claims.Any(c => c.Type == "role" && c.Value == "service");
    }
}
