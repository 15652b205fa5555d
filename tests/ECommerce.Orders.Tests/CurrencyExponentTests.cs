using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Browse;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>Money in each ISO 4217 exponent end to end: checkout totals, what is stored, what Payments is told, and one currency per cart.</summary>
[Collection(OrdersCollection.Name)]
public sealed class CurrencyExponentTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_yen_checkout_totals_whole_yen_and_tells_payments_the_total_in_yen()
    {
        var customerId = $"money-jpy-{Guid.NewGuid():N}";
        var product = host.Neighbours.AddProduct(14m, currency: "JPY");

        // ¥14 × 3 = ¥42; shipping 4.95 is ¥5 under the ¥50 threshold: ¥47, VAT inside per line: 42/6 = 7, 5/6 = 0.83 → 1: ¥8.
        var order = await PlaceAndReadBackAsync(customerId, new CheckoutLineRequest(product.Id, 3));

        Assert.Equal(("JPY", 42m, 5m, 8m, 47m), (order.Currency, order.Subtotal, order.Shipping, order.Tax, order.Total));
        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.Equal(47, placed.GetProperty("totalMinor").GetInt64());
        Assert.Equal(47m, placed.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_dinar_checkout_keeps_three_decimals_in_the_stored_order_and_the_event()
    {
        var customerId = $"money-kwd-{Guid.NewGuid():N}";
        var product = host.Neighbours.AddProduct(1.234m, currency: "KWD");

        // KWD 2.468 + 4.950 shipping = 7.418, VAT inside it per line: 2.468/6 = 0.41133 → 0.411, 4.950/6 = 0.825: 1.236.
        var order = await PlaceAndReadBackAsync(customerId, new CheckoutLineRequest(product.Id, 2));

        Assert.Equal((1.234m, 2.468m, 4.950m, 1.236m, 7.418m), (Assert.Single(order.Lines).UnitPrice, order.Subtotal, order.Shipping, order.Tax, order.Total));
        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.Equal(7418, placed.GetProperty("totalMinor").GetInt64());
    }

    [Fact]
    public async Task A_price_finer_than_its_currency_is_refused_at_checkout_and_creates_nothing()
    {
        var customerId = $"money-fine-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var product = host.Neighbours.AddProduct(14.34m, currency: "JPY");

        var response = await CheckoutTests.PostAsync(client, OrdersHost.Checkout(product), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("lines[0].productId", CheckoutTests.ErrorFields(response.Body));
        var mine = await client.GetFromJsonAsync<Page<OrderSummary>>("/api/orders", OrdersHost.Json, Ct);
        Assert.Empty(mine!.Items);
    }

    [Fact]
    public async Task A_euro_product_cannot_join_a_pound_cart_and_the_cart_is_unchanged()
    {
        using var client = host.Client(TestTokens.Customer($"money-cart-{Guid.NewGuid():N}"));
        var pound = host.Neighbours.AddProduct(10m);
        var euro = host.Neighbours.AddProduct(10m, currency: "EUR");
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(pound.Id, 1), Ct)).EnsureSuccessStatusCode();

        using var refused = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(euro.Id, 1), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("productId", CheckoutTests.ErrorFields(await refused.Content.ReadAsStringAsync(Ct)));
        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        Assert.Equal((pound.Id, "GBP", 10m), (Assert.Single(cart!.Lines).ProductId, cart.Currency, cart.Subtotal));
    }

    /// <summary>Places the order, then reads it back from the database through the API, so stored precision is what is checked.</summary>
    private async Task<OrderDetail> PlaceAndReadBackAsync(string customerId, params CheckoutLineRequest[] lines)
    {
        using var client = host.Client(TestTokens.Customer(customerId));
        var placed = await CheckoutTests.PostAsync(client, OrdersHost.Checkout() with { Lines = lines }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, placed.Status);
        return (await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{placed.Order!.Id}", OrdersHost.Json, Ct))!;
    }
}
