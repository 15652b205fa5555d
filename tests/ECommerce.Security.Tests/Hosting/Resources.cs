using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Security.Tests.Hosting;

/// <summary>
/// What customer A owns before the suites run — an address, an order — and a product anyone may see, so that
/// customer B and hostile callers are pointed at real rows rather than ids nobody has.
/// </summary>
public sealed class Resources
{
    public const string CustomerA = "security-customer-a";
    public const string CustomerB = "security-customer-b";

    public static readonly string TokenA = TestTokens.Customer(CustomerA);
    public static readonly string TokenB = TestTokens.Customer(CustomerB);
    public const string AdminId = "security-admin";

    public static readonly string AdminToken = TestTokens.Admin(AdminId);

    public Guid ProductId { get; private init; }

    public string ProductSlug { get; private init; } = "";

    public Guid AddressOfA { get; private init; }

    public Guid OrderOfA { get; private init; }

    /// <summary>A's resource to put in each owned id parameter, by service and parameter name.</summary>
    public Guid? OwnedBy(string service, string parameter) => (service, parameter) switch
    {
        ("Users", "id") => AddressOfA,
        ("Orders", "id") => OrderOfA,
        ("Payments", "orderId") => OrderOfA,
        _ => null,
    };

    public static async Task<Resources> CreateAsync(SecurityFixture hosts, CancellationToken ct)
    {
        var (productId, slug) = await SeedProductAsync(hosts.Products, ct);

        using var users = hosts.Users.Client(TokenA);
        using var address = await users.PostAsJsonAsync("/api/users/me/addresses", new
        {
            label = "Home",
            recipient = "Ada A",
            line1 = "1 Analytical Way",
            city = "London",
            postcode = "N1 9GU",
            country = "GB",
        }, ct);
        Assert.True(address.StatusCode == HttpStatusCode.Created, $"A's address: {(int)address.StatusCode} {await address.Content.ReadAsStringAsync(ct)}");
        var addressId = (await address.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        using var orders = hosts.Orders.Client(TokenA);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { productId, quantity = 1 } },
                shippingAddress = new { recipient = "Ada A", line1 = "1 Analytical Way", city = "London", postcode = "N1 9GU", country = "GB" },
                paymentMethod = "pm_card_visa",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var order = await orders.SendAsync(request, ct);
        Assert.True(order.StatusCode == HttpStatusCode.Created, $"A's order: {(int)order.StatusCode} {await order.Content.ReadAsStringAsync(ct)}");
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        return new Resources { ProductId = productId, ProductSlug = slug, AddressOfA = addressId, OrderOfA = orderId };
    }

    private static async Task<(Guid Id, string Slug)> SeedProductAsync(HostedService products, CancellationToken ct)
    {
        await using var scope = products.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        var category = new Category { Name = "Security", Slug = "security" };
        var brand = new Brand { Name = "Acme", Slug = "acme" };
        var product = new Product
        {
            Sku = "SEC-1",
            Name = "Sturdy lock",
            Slug = "sturdy-lock",
            Description = "A lock.",
            Price = 12.50m,
            Category = category,
            Brand = brand,
            Stock = new StockItem { Available = 50 },
        };
        db.AddRange(category, brand, product);
        // Every signed-in caller bought it, so writing a review is allowed to each (the matrix expects no 403 then).
        db.Purchasers.AddRange(new[] { CustomerA, CustomerB, AdminId }.Select(c =>
            new VerifiedPurchase { CustomerId = c, ProductId = product.Id, FirstPaidAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync(ct);
        return (product.Id, product.Slug);
    }
}
