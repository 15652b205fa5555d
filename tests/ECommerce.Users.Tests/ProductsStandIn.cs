using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ECommerce.Users.Tests;

/// <summary>A product as Products' lookup answers it (the agreed JSON shape, services/Products/Catalog/ProductLookupContracts.cs).</summary>
public sealed record StubProduct(
    Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, int Available, bool Active, string? ImageUrl,
    string TaxClass = "standard", int WeightGrams = 500, IReadOnlyList<string>? CategorySlugs = null);

/// <summary>
/// Stands in for Products' lookup on a real loopback Kestrel server, as Orders' tests do (NeighbourServices): the Users
/// tests run no Products service. Tests change the catalogue to play price changes and restocks.
/// </summary>
public sealed class ProductsStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProductsStandIn(WebApplication app) => _app = app;

    public ConcurrentDictionary<Guid, StubProduct> Products { get; } = new();

    /// <summary>Lookup calls received, to show a list is read in calls of at most 100 ids.</summary>
    public ConcurrentQueue<int> LookupSizes { get; } = new();

    public string Address => _app.Urls.First();

    public static async Task<ProductsStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new ProductsStandIn(app);
        app.MapPost("/api/products/lookup", (LookupRequest request) =>
        {
            standIn.LookupSizes.Enqueue(request.Ids.Count);
            return request.Ids.Count > 100
                ? Results.BadRequest()
                : Results.Json(request.Ids.Where(standIn.Products.ContainsKey).Select(id => standIn.Products[id]).ToList());
        });
        await app.StartAsync();
        return standIn;
    }

    public StubProduct AddProduct(decimal price = 20m, int available = 10, bool active = true, string currency = "GBP")
    {
        var id = Guid.NewGuid();
        var product = new StubProduct(id, $"SKU-{id.ToString("N")[..8]}", $"Product {id.ToString("N")[..6]}", $"product-{id:N}", price, currency,
            available, active, $"/images/{id:N}.webp");
        Products[id] = product;
        return product;
    }

    public void Change(Guid id, Func<StubProduct, StubProduct> change) => Products[id] = change(Products[id]);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed record LookupRequest(List<Guid> Ids);
}
