using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Orders.Pricing;

namespace ECommerce.Orders.Tests;

/// <summary>The product page's delivery quote: one product's VAT and shipping options, anonymous, nothing in a cart.</summary>
[Collection(OrdersCollection.Name)]
public sealed class DeliveryQuoteTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_product_is_quoted_with_its_vat_and_every_method_delivering_to_the_country()
    {
        var product = host.Neighbours.AddProduct(24.50m);
        using var client = host.Client();

        var home = (await client.GetFromJsonAsync<QuoteView>($"/api/orders/delivery-quote?productId={product.Id}", OrdersHost.Json, Ct))!;
        var france = (await client.GetFromJsonAsync<QuoteView>($"/api/orders/delivery-quote?productId={product.Id}&quantity=2&country=FR", OrdersHost.Json, Ct))!;

        // The store's home country by default: shelf prices include VAT (24.50 / 6 = 4.083 → 4.08).
        Assert.Equal(("GB", true, 24.50m, 4.08m), (home.Country, home.PricesIncludeTax, home.Subtotal, home.Lines.Single().Tax));
        Assert.Equal(["uk-standard", "uk-express", "uk-collect"], home.ShippingOptions.Select(o => o.Code).Take(3));
        Assert.All(home.ShippingOptions, o => Assert.True(o.EarliestDelivery <= o.LatestDelivery));
        Assert.Equal(2, france.Lines.Single().Quantity);
        Assert.Equal(["eu-standard"], france.ShippingOptions.Select(o => o.Code));
        // Nothing was put in a cart: the anonymous client has none.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/orders/cart/quote", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("", "productId")]
    [InlineData("?productId=not-a-guid", "productId")]
    [InlineData("?productId=00000000-0000-0000-0000-000000000000", "productId")]
    [InlineData("?productId={id}&quantity=0", "quantity")]
    [InlineData("?productId={id}&quantity=100", "quantity")]
    [InlineData("?productId={id}&quantity=1.5", "quantity")]
    [InlineData("?productId={id}&country=gb", "country")]
    [InlineData("?productId={unknown}", "productId")]
    [InlineData("?productId={soldOut}", "productId")]
    public async Task A_bad_query_is_a_problem_naming_its_field(string query, string field)
    {
        var product = host.Neighbours.AddProduct(5m);
        var soldOut = host.Neighbours.AddProduct(5m, available: false);
        using var client = host.Client();

        using var response = await client.GetAsync("/api/orders/delivery-quote" + query
            .Replace("{id}", product.Id.ToString(), StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{soldOut}", soldOut.Id.ToString(), StringComparison.Ordinal), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }
}
