using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Admin;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Pricing;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>The server cart's quote is the charge: quoted, placed from the cart with its fingerprint, refused when it changed.</summary>
[Collection(OrdersCollection.Name)]
public sealed class QuoteTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PostalAddress London = new("Ada Lovelace", "1 Analytical Way", null, "London", "N1 9GU", null, "GB", null);

    [Fact]
    public async Task An_order_placed_from_the_cart_with_the_quotes_fingerprint_charges_exactly_the_quote()
    {
        var customer = $"quote-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customer));
        var book = host.Neighbours.AddProduct(8.99m) with { TaxClass = "zero", WeightGrams = 400 };
        var lamp = host.Neighbours.AddProduct(24.50m) with { WeightGrams = 2500 };
        host.Neighbours.Products[book.Id] = book;
        host.Neighbours.Products[lamp.Id] = lamp;
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(book.Id, 2), Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(lamp.Id, 1), Ct)).EnsureSuccessStatusCode();

        var quote = (await client.GetFromJsonAsync<QuoteView>("/api/orders/cart/quote?country=GB&shippingMethod=uk-express", OrdersHost.Json, Ct))!;

        // 2 × 8.99 zero-rated + 24.50 standard (VAT 24.50/6 = 4.083 → 4.08); 3.3 kg by express is 12.95 (VAT 2.158 → 2.16).
        Assert.Equal((42.48m, 12.95m, 6.24m, 55.43m, 5543L), (quote.Subtotal, quote.Shipping!.Fee, quote.Tax, quote.Total, quote.TotalMinor));
        Assert.Equal([0.20m, 0m], quote.Taxes.Select(t => t.Rate));
        // The seeded methods, in their order (another test may add one of its own after them).
        Assert.Equal(["uk-standard", "uk-express", "uk-collect"], quote.ShippingOptions.Select(o => o.Code).Take(3));

        var (status, body) = await PlaceAsync(client, new CheckoutRequest(null, null, London, "pm_card_visa", "uk-express", quote.Fingerprint));

        Assert.Equal(HttpStatusCode.Created, status);
        var order = body.Deserialize<OrderDetail>(OrdersHost.Json)!;
        Assert.Equal((quote.Total, quote.Tax, "uk-express"), (order.Total, order.Tax, order.ShippingMethod.Code));
        Assert.Equal(quote.Shipping.EarliestDelivery, order.ShippingMethod.EarliestDelivery);
        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.Equal(quote.TotalMinor, placed.GetProperty("totalMinor").GetInt64());
        Assert.Empty((await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines);
    }

    [Fact]
    public async Task A_price_change_after_the_quote_charges_nothing_and_answers_the_new_quote()
    {
        var customer = $"quote-changed-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customer));
        var product = host.Neighbours.AddProduct(10m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct)).EnsureSuccessStatusCode();
        var seen = (await client.GetFromJsonAsync<QuoteView>("/api/orders/cart/quote", OrdersHost.Json, Ct))!;
        host.Neighbours.Products[product.Id] = product with { Price = 11m };

        var (status, body) = await PlaceAsync(client, new CheckoutRequest(null, null, London, "pm_card_visa", null, seen.Fingerprint));

        Assert.Equal(HttpStatusCode.Conflict, status);
        var fresh = body.GetProperty("quote").Deserialize<QuoteView>(OrdersHost.Json)!;
        Assert.Equal((14.95m, 15.95m), (seen.Total, fresh.Total));
        Assert.NotEqual(seen.Fingerprint, fresh.Fingerprint);
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/orders", Ct);
        Assert.Equal(0, mine.GetProperty("items").GetArrayLength());

        var (again, placed) = await PlaceAsync(client, new CheckoutRequest(null, null, London, "pm_card_visa", null, fresh.Fingerprint));
        Assert.Equal(HttpStatusCode.Created, again);
        Assert.Equal(15.95m, placed.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task An_anonymous_cart_is_quoted_for_its_destination_and_a_bad_destination_is_named()
    {
        var product = host.Neighbours.AddProduct(60m);
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/orders/cart/quote", Ct)).StatusCode);
        using var added = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct);
        var cartId = Assert.Single(added.Headers.GetValues(CartOwnerResolver.HeaderName));

        var france = await QuoteAsync(client, cartId, "?country=FR");
        var view = (await france.Content.ReadFromJsonAsync<QuoteView>(OrdersHost.Json, Ct))!;
        // €60-band goods to France: 14.95 European delivery; French VAT (20%) is inside the shelf price.
        Assert.Equal(("eu-standard", 14.95m, 74.95m), (view.Shipping!.Code, view.Shipping.Fee, view.Total));
        Assert.Equal(["eu-standard"], view.ShippingOptions.Select(o => o.Code));

        await AssertFieldAsync(await QuoteAsync(client, cartId, "?country=gb"), "country");
        await AssertFieldAsync(await QuoteAsync(client, cartId, "?country=FR&shippingMethod=uk-express"), "shippingMethod");
        await AssertFieldAsync(await QuoteAsync(client, cartId, "?shippingMethod=NOT%20A%20CODE"), "shippingMethod");
    }

    [Fact]
    public async Task A_stale_or_malformed_fingerprint_is_named_and_places_nothing()
    {
        using var client = host.Client(TestTokens.Customer($"quote-bad-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(5m);

        var (status, body) = await PlaceAsync(client, OrdersHost.Checkout(product) with { QuoteFingerprint = "not-hex" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("quoteFingerprint", out _));

        var (empty, emptyBody) = await PlaceAsync(client, new CheckoutRequest(null, null, London, "pm_card_visa"));
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.True(emptyBody.GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task The_back_office_adds_a_shipping_method_that_shoppers_are_then_offered()
    {
        using var customer = host.Client(TestTokens.Customer($"ship-{Guid.NewGuid():N}"));
        using var admin = host.Client(TestTokens.Admin());
        var code = $"gb-sameday-{Guid.NewGuid().ToString("N")[..6]}";
        var request = new SaveShippingMethodRequest("Same-day courier", "United Kingdom", ["GB"], ShippingRateKind.PriceBand, null,
            [new ShippingBand(100, 9.99m), new ShippingBand(1000, 14.99m)], 500m, 0, 0, true, 900, null);

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsJsonAsync($"/api/orders/admin/shipping-methods/{code}", request, OrdersHost.Json, Ct)).StatusCode);
        using var invalid = await admin.PutAsJsonAsync($"/api/orders/admin/shipping-methods/{code}", request with { Countries = ["gbr"], MaxDays = -1 }, OrdersHost.Json, Ct);
        await AssertFieldAsync(invalid, "countries");
        using var created = await admin.PutAsJsonAsync($"/api/orders/admin/shipping-methods/{code}", request, OrdersHost.Json, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = (await created.Content.ReadFromJsonAsync<ShippingMethodView>(OrdersHost.Json, Ct))!;

        var product = host.Neighbours.AddProduct(20m);
        (await customer.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct)).EnsureSuccessStatusCode();
        var quote = (await customer.GetFromJsonAsync<QuoteView>($"/api/orders/cart/quote?shippingMethod={code}", OrdersHost.Json, Ct))!;
        Assert.Equal((code, 9.99m, 29.99m), (quote.Shipping!.Code, quote.Shipping.Fee, quote.Total));

        // An edit from a stale version is refused; with the version read it applies (here: retiring the method).
        using var stale = await admin.PutAsJsonAsync($"/api/orders/admin/shipping-methods/{code}", request with { Name = "Same-day", Version = saved.Version + 1 }, OrdersHost.Json, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var retired = await admin.PutAsJsonAsync($"/api/orders/admin/shipping-methods/{code}", request with { Active = false, Version = saved.Version }, OrdersHost.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var after = (await customer.GetFromJsonAsync<QuoteView>("/api/orders/cart/quote", OrdersHost.Json, Ct))!;
        Assert.DoesNotContain(after.ShippingOptions, o => o.Code == code);
    }

    [Fact]
    public async Task A_code_for_ten_orders_redeemed_by_a_hundred_shoppers_at_once_discounts_exactly_ten()
    {
        using var admin = host.Client(TestTokens.Admin());
        var code = $"TEN{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var promotion = new SavePromotionRequest("10% off, ten orders", false, PromotionKind.Percentage, 10, null, null, null, null, null, 10, 1, true, null);
        (await admin.PutAsJsonAsync($"/api/orders/admin/promotions/{code}", promotion, OrdersHost.Json, Ct)).EnsureSuccessStatusCode();
        var product = host.Neighbours.AddProduct(20m);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var shopper = host.Client(TestTokens.Customer($"promo-{code}-{i}"));
            return await PlaceAsync(shopper, OrdersHost.Checkout(product) with { DiscountCode = code.ToLowerInvariant() });
        }));

        var placed = attempts.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Body).ToList();
        Assert.Equal(10, placed.Count(o => o.GetProperty("discount").GetDecimal() == 2m));
        Assert.Equal(10, placed.Count);
        Assert.All(attempts.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, a.Status);
            Assert.Equal("This code has been used up.", a.Body.GetProperty("errors").GetProperty("discountCode")[0].GetString());
        });
        var listed = (await admin.GetFromJsonAsync<List<PromotionView>>("/api/orders/admin/promotions", OrdersHost.Json, Ct))!.Single(p => p.Code == code);
        Assert.Equal(10, listed.TimesUsed);
    }

    [Fact]
    public async Task A_code_a_customer_already_used_once_is_refused_by_name_and_an_unknown_code_too()
    {
        using var admin = host.Client(TestTokens.Admin());
        var code = $"ONCE{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        (await admin.PutAsJsonAsync($"/api/orders/admin/promotions/{code}",
            new SavePromotionRequest("Free delivery once", false, PromotionKind.FreeShipping, null, null, null, null, null, null, null, 1, true, null), OrdersHost.Json, Ct))
            .EnsureSuccessStatusCode();
        using var shopper = host.Client(TestTokens.Customer($"once-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(10m);

        var (first, order) = await PlaceAsync(shopper, OrdersHost.Checkout(product) with { DiscountCode = code });
        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal((0m, 10m), (order.GetProperty("shipping").GetDecimal(), order.GetProperty("total").GetDecimal()));

        var (second, refused) = await PlaceAsync(shopper, OrdersHost.Checkout(product) with { DiscountCode = code });
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("You have already used this code.", refused.GetProperty("errors").GetProperty("discountCode")[0].GetString());
        var (unknown, _) = await PlaceAsync(shopper, OrdersHost.Checkout(product) with { DiscountCode = "NO-SUCH-CODE" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PlaceAsync(HttpClient client, CheckoutRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body, options: OrdersHost.Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static async Task<HttpResponseMessage> QuoteAsync(HttpClient client, string cartId, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/cart/quote" + query);
        request.Headers.Add(CartOwnerResolver.HeaderName, cartId);
        return await client.SendAsync(request, Ct);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
    }
}
