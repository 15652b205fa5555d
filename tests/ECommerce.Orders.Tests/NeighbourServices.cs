using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ECommerce.Orders.Tests;

/// <summary>A product as the Products lookup answers it (the agreed JSON shape).</summary>
public sealed record StubProduct(
    Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, int Available, bool Active, string? ImageUrl,
    string TaxClass = "standard", int WeightGrams = 500, IReadOnlyList<string>? CategorySlugs = null, string? VariantLabel = null);

/// <summary>What the stand-in for AI's risk endpoint answers for a customer.</summary>
public sealed record StubRisk(double Score, IReadOnlyList<string> Reasons);

/// <summary>An address as Users answers <c>GET /api/users/me/addresses/{id}</c>.</summary>
public sealed record StubAddress(
    Guid Id, string Label, string Recipient, string Line1, string? Line2, string City, string Postcode, string? Region, string Country, string? Phone,
    bool IsDefaultShipping, bool IsDefaultBilling);

/// <summary>
/// Stands in for Products' lookup and Users' address book on a real loopback Kestrel server, answering the agreed JSON,
/// until those services run beside Orders in the whole-system test. Tests change the catalogue to play price changes.
/// </summary>
public sealed class NeighbourServices : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NeighbourServices(WebApplication app) => _app = app;

    public ConcurrentDictionary<Guid, StubProduct> Products { get; } = new();

    /// <summary>Addresses by (the token's sub, address id): Users decides whose address book from the forwarded token.</summary>
    public ConcurrentDictionary<(string Sub, Guid Id), StubAddress> Addresses { get; } = new();

    public string Address => _app.Urls.First();

    /// <summary>AI's risk answers by customer id; a customer not listed scores 0.05 with no reasons.</summary>
    public ConcurrentDictionary<string, StubRisk> Risk { get; } = new();

    /// <summary>What checkout sent to AI's risk endpoint, by customer id (the features of the last request).</summary>
    public ConcurrentDictionary<string, System.Text.Json.JsonElement> RiskRequests { get; } = new();

    /// <summary>False plays AI down: the risk endpoint answers 503.</summary>
    public bool RiskAvailable { get; set; } = true;

    public static async Task<NeighbourServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var services = new NeighbourServices(app);
        app.MapPost("/api/products/lookup", (LookupRequest request) =>
            request.Ids.Count > 100
                ? Results.BadRequest()
                : Results.Json(request.Ids.Where(services.Products.ContainsKey).Select(id => services.Products[id]).ToList()));
        app.MapGet("/api/users/me/addresses/{id:guid}", (Guid id, HttpRequest request) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Results.Unauthorized();
            }

            var sub = new JsonWebToken(header["Bearer ".Length..]).Subject;
            return services.Addresses.TryGetValue((sub, id), out var address) ? Results.Json(address) : Results.NotFound();
        });
        // AI's risk endpoint, called with a client-credentials token from the token endpoint below.
        app.MapPost("/connect/token", () => Results.Json(new { access_token = "service-token", token_type = "Bearer", expires_in = 3600 }));
        app.MapPost("/api/ai/risk", (System.Text.Json.JsonElement body, HttpRequest request) =>
        {
            if (!services.RiskAvailable)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (request.Headers.Authorization.ToString() != "Bearer service-token")
            {
                return Results.Unauthorized();
            }

            var customer = body.GetProperty("customerId").GetString()!;
            services.RiskRequests[customer] = body.Clone();
            var risk = services.Risk.GetValueOrDefault(customer) ?? new StubRisk(0.05, []);
            return Results.Json(new { score = risk.Score, review = risk.Score > 0.5, threshold = 0.5, reasons = risk.Reasons, source = "model", modelVersion = 3 });
        });
        await app.StartAsync();
        return services;
    }

    public StubProduct AddProduct(decimal price, bool available = true, string currency = "GBP")
    {
        var id = Guid.NewGuid();
        var product = new StubProduct(id, $"SKU-{id.ToString("N")[..8]}", $"Product {id.ToString("N")[..6]}", $"product-{id:N}", price, currency, available ? 10 : 0, true, null);
        Products[id] = product;
        return product;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed record LookupRequest(List<Guid> Ids);
}
