using System.Net;
using System.Net.Http.Json;
using ECommerce.Orders.Carts;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Orders.Tests;

/// <summary>Carts in the orders database: anonymous and customer carts, price changes, limits, merge and the sliding TTL.</summary>
[Collection(OrdersCollection.Name)]
public sealed class CartTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_cart_is_found_again_by_its_id_and_shows_a_price_change()
    {
        var product = host.Neighbours.AddProduct(10m);
        using var client = host.Client();

        using var added = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 2), Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cartId = Assert.Single(added.Headers.GetValues(CartOwnerResolver.HeaderName));
        Assert.Equal(43, cartId.Length);
        host.Neighbours.Products[product.Id] = product with { Price = 11.50m };

        var cart = await GetCartAsync(client, cartId);
        var line = Assert.Single(cart.Lines);
        Assert.Equal((2, 11.50m, true, 10m), (line.Quantity, line.UnitPrice, line.PriceChanged, line.PreviousPrice));
        Assert.Equal(new CartPriceChange(product.Id, product.Name, 10m, 11.50m, "GBP"), Assert.Single(cart.PriceChanges));
        Assert.Equal(23m, cart.Subtotal);

        // Choosing the quantity again is seeing the new price: the notice goes away.
        using var set = new HttpRequestMessage(HttpMethod.Put, $"/api/orders/cart/lines/{product.Id}") { Content = JsonContent.Create(new SetCartLineRequest(3)) };
        set.Headers.Add(CartOwnerResolver.HeaderName, cartId);
        (await client.SendAsync(set, Ct)).EnsureSuccessStatusCode();
        var after = await GetCartAsync(client, cartId);
        Assert.Empty(after.PriceChanges);
        Assert.Equal(34.50m, after.Subtotal);
    }

    [Fact]
    public async Task A_made_up_cart_id_opens_nobodys_cart()
    {
        using var client = host.Client();
        var cart = await GetCartAsync(client, "guess");
        Assert.Empty(cart.Lines);
        Assert.Null(cart.CartId);
    }

    [Fact]
    public async Task Concurrent_changes_to_one_cart_lose_nothing()
    {
        using var client = host.Client(TestTokens.Customer($"cart-race-{Guid.NewGuid():N}"));
        var products = Enumerable.Range(0, 20).Select(_ => host.Neighbours.AddProduct(2m)).ToList();

        var responses = await Task.WhenAll(products.Select(p => client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(p.Id, 1), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        Assert.Equal(products.Select(p => p.Id).Order(), cart!.Lines.Select(l => l.ProductId).Order());
    }

    [Fact]
    public async Task Quantities_and_lines_are_limited()
    {
        using var client = host.Client(TestTokens.Customer($"cart-limits-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(1m);

        using var tooMany = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 100), Ct);
        using var fine = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 60), Ct);
        using var overTheTop = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 40), Ct);
        using var unknown = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(Guid.NewGuid(), 1), Ct);
        for (var i = 1; i < 50; i++)
        {
            (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(1m).Id, 1), Ct)).EnsureSuccessStatusCode();
        }

        using var fiftyFirst = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(1m).Id, 1), Ct);

        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(["quantity"], CheckoutTests.ErrorFields(await tooMany.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(["quantity"], CheckoutTests.ErrorFields(await overTheTop.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(["productId"], CheckoutTests.ErrorFields(await unknown.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(["productId"], CheckoutTests.ErrorFields(await fiftyFirst.Content.ReadAsStringAsync(Ct)));
        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        Assert.Equal(50, cart!.Lines.Count);
        Assert.Equal(60, cart.Lines.Single(l => l.ProductId == product.Id).Quantity);
    }

    [Fact]
    public async Task Signing_in_merges_the_anonymous_cart_into_the_customers()
    {
        var (shared, onlyAnonymous, onlyCustomer) = (host.Neighbours.AddProduct(5m), host.Neighbours.AddProduct(6m), host.Neighbours.AddProduct(7m));
        using var anonymous = host.Client();
        using var first = await anonymous.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(shared.Id, 2), Ct);
        var cartId = first.Headers.GetValues(CartOwnerResolver.HeaderName).Single();
        await SendWithCartAsync(anonymous, HttpMethod.Post, "/api/orders/cart/lines", cartId, new AddCartLineRequest(onlyAnonymous.Id, 1));
        var token = TestTokens.Customer($"cart-merge-{Guid.NewGuid():N}");
        using var customer = host.Client(token);
        (await customer.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(shared.Id, 1), Ct)).EnsureSuccessStatusCode();
        (await customer.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(onlyCustomer.Id, 1), Ct)).EnsureSuccessStatusCode();

        var merged = await SendWithCartAsync(customer, HttpMethod.Post, "/api/orders/cart/merge", cartId, null);

        var result = (await merged.Content.ReadFromJsonAsync<CartMergeResult>(OrdersHost.Json, Ct))!;
        Assert.Equal(
            new[] { (shared.Id, 3), (onlyCustomer.Id, 1), (onlyAnonymous.Id, 1) }.Order(),
            result.Cart.Lines.Select(l => (l.ProductId, l.Quantity)).Order());
        Assert.Empty(result.NotMerged);
        Assert.Empty((await GetCartAsync(anonymous, cartId)).Lines);
    }

    [Fact]
    public async Task A_cart_expires_when_left_alone_and_reading_it_extends_its_life()
    {
        var customerId = $"cart-ttl-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(3m).Id, 1), Ct)).EnsureSuccessStatusCode();
        var key = $"cart:customer:{customerId}";
        Assert.InRange(await TimeToLiveAsync(key), TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        // Time passing is played by bringing the expiry closer; a read slides it back to the full week.
        await host.SetCartExpiryAsync(key, TimeSpan.FromSeconds(30));
        Assert.Single((await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines);
        Assert.InRange(await TimeToLiveAsync(key), TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        await host.SetCartExpiryAsync(key, TimeSpan.FromMilliseconds(300));
        await Task.Delay(600, Ct);
        Assert.Empty((await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines);
        // An expired cart is not revived by a read, nor by a change that does nothing.
        using var remove = await client.DeleteAsync($"/api/orders/cart/lines/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.True(await TimeToLiveAsync(key) <= TimeSpan.Zero);
    }

    [Fact]
    public async Task A_read_writes_only_what_it_has_to_keep()
    {
        var customerId = $"cart-quiet-{Guid.NewGuid():N}";
        using var client = host.Client(TestTokens.Customer(customerId));
        var product = host.Neighbours.AddProduct(4m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct)).EnsureSuccessStatusCode();
        var key = $"cart:customer:{customerId}";
        var written = await host.CartExpiresAtAsync(key);

        // Nothing changed and the expiry was just set: reading (the badge on every page, the quote) writes nothing.
        await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        (await client.GetAsync("/api/orders/cart/quote?country=GB", Ct)).EnsureSuccessStatusCode();
        Assert.Equal(written, await host.CartExpiresAtAsync(key));

        // A new price is kept (it is the "last price seen" if Products cannot answer later), and the expiry with it.
        host.Neighbours.Products[product.Id] = product with { Price = 4.25m };
        Assert.Equal(4.25m, Assert.Single((await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines).UnitPrice);
        Assert.True(await host.CartExpiresAtAsync(key) > written);
    }

    [Fact]
    public async Task The_cleanup_deletes_expired_carts_and_keeps_live_ones()
    {
        var (expired, live) = ($"cart-purge-{Guid.NewGuid():N}", $"cart-purge-{Guid.NewGuid():N}");
        foreach (var customerId in new[] { expired, live })
        {
            using var client = host.Client(TestTokens.Customer(customerId));
            (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(3m).Id, 1), Ct)).EnsureSuccessStatusCode();
        }

        await host.SetCartExpiryAsync($"cart:customer:{expired}", TimeSpan.FromSeconds(-1));
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CartStore>().PurgeExpiredAsync(Ct) >= 1);
        }

        Assert.Null(await host.CartExpiresAtAsync($"cart:customer:{expired}"));
        Assert.NotNull(await host.CartExpiresAtAsync($"cart:customer:{live}"));
    }

    [Fact]
    public async Task Checking_out_empties_the_customers_cart()
    {
        var token = TestTokens.Customer($"cart-checkout-{Guid.NewGuid():N}");
        using var client = host.Client(token);
        var product = host.Neighbours.AddProduct(3m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct)).EnsureSuccessStatusCode();

        await host.PlaceOrderAsync(token, product);

        Assert.Empty((await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines);
    }

    private async Task<TimeSpan> TimeToLiveAsync(string ownerKey) =>
        (await host.CartExpiresAtAsync(ownerKey))!.Value - DateTimeOffset.UtcNow;

    private static async Task<CartView> GetCartAsync(HttpClient client, string cartId)
    {
        using var response = await SendWithCartAsync(client, HttpMethod.Get, "/api/orders/cart", cartId, null);
        return (await response.Content.ReadFromJsonAsync<CartView>(OrdersHost.Json, Ct))!;
    }

    private static async Task<HttpResponseMessage> SendWithCartAsync(HttpClient client, HttpMethod method, string path, string cartId, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(CartOwnerResolver.HeaderName, cartId);
        var response = await client.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
