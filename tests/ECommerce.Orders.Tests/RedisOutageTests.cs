using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>An Orders host given a Redis of its own, which the outage tests kill and start again.</summary>
public sealed class OwnRedisHost : OrdersHost
{
    public StoppableRedisServer Cache { get; private set; } = null!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cache.DisposeAsync();
    }

    protected override async Task<string> CacheConnectionStringAsync()
    {
        Cache = await StoppableRedisServer.StartNewAsync();
        return Cache.ConnectionString;
    }
}

/// <summary>
/// The cache is an optimisation, never a dependency for correctness: with Redis killed, carts, merge, checkout and
/// account deletion all still work, and a Redis restart loses no cart.
/// </summary>
public sealed class RedisOutageTests(OwnRedisHost host) : IClassFixture<OwnRedisHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_Redis_down_adding_reading_merging_and_checking_out_all_succeed()
    {
        var (anonymousOnly, customerOnly) = (host.Neighbours.AddProduct(4m), host.Neighbours.AddProduct(5m));
        var token = TestTokens.Customer($"redis-down-{Guid.NewGuid():N}");
        using var anonymous = host.Client();
        using var customer = host.Client(token);

        host.Cache.Kill();
        try
        {
            using var added = await anonymous.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(anonymousOnly.Id, 2), Ct);
            await AssertSuccessAsync(added);
            var cartId = added.Headers.GetValues(CartOwnerResolver.HeaderName).Single();
            var read = await SendAsync<CartView>(anonymous, HttpMethod.Get, "/api/orders/cart", cartId);
            var line = Assert.Single(read.Lines);
            Assert.Equal((anonymousOnly.Id, 2), (line.ProductId, line.Quantity));

            using var customerAdded = await customer.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(customerOnly.Id, 1), Ct);
            await AssertSuccessAsync(customerAdded);
            var merged = await SendAsync<CartMergeResult>(customer, HttpMethod.Post, "/api/orders/cart/merge", cartId);
            Assert.Equal(
                new[] { (anonymousOnly.Id, 2), (customerOnly.Id, 1) }.Order(),
                merged.Cart.Lines.Select(l => (l.ProductId, l.Quantity)).Order());
            Assert.Empty((await SendAsync<CartView>(anonymous, HttpMethod.Get, "/api/orders/cart", cartId)).Lines);

            var order = await host.PlaceOrderAsync(token, anonymousOnly, customerOnly);
            Assert.Equal(2, order.Lines.Count);
            Assert.Empty((await customer.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct))!.Lines);
        }
        finally
        {
            await host.Cache.StartAsync();
        }
    }

    [Fact]
    public async Task With_Redis_down_concurrent_adds_to_one_cart_all_survive()
    {
        using var client = host.Client(TestTokens.Customer($"redis-down-race-{Guid.NewGuid():N}"));
        var products = Enumerable.Range(0, 20).Select(_ => host.Neighbours.AddProduct(2m)).ToList();

        host.Cache.Kill();
        try
        {
            var responses = await Task.WhenAll(products.Select(p => client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(p.Id, 1), Ct)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
            Assert.Equal(products.Select(p => p.Id).Order(), cart!.Lines.Select(l => l.ProductId).Order());
        }
        finally
        {
            await host.Cache.StartAsync();
        }
    }

    [Fact]
    public async Task A_cart_written_before_Redis_stops_is_intact_after_it_restarts_empty()
    {
        var (first, second) = (host.Neighbours.AddProduct(3m), host.Neighbours.AddProduct(7m));
        using var client = host.Client(TestTokens.Customer($"redis-restart-{Guid.NewGuid():N}"));
        using var addedFirst = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(first.Id, 3), Ct);
        await AssertSuccessAsync(addedFirst);
        using var addedSecond = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(second.Id, 1), Ct);
        await AssertSuccessAsync(addedSecond);

        // The restarted server holds nothing: whatever lived only in Redis is gone.
        host.Cache.Kill();
        await host.Cache.StartAsync();

        var cart = await client.GetFromJsonAsync<CartView>("/api/orders/cart", OrdersHost.Json, Ct);
        Assert.Equal(new[] { (first.Id, 3), (second.Id, 1) }.Order(), cart!.Lines.Select(l => (l.ProductId, l.Quantity)).Order());
        Assert.Equal(16m, cart.Subtotal);
    }

    [Fact]
    public async Task A_UserDeleted_handled_while_Redis_is_down_anonymises_the_orders_and_deletes_the_cart()
    {
        var customerId = $"redis-down-deleted-{Guid.NewGuid():N}";
        var token = TestTokens.Customer(customerId);
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        using var client = host.Client(token);
        using var added = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(1m).Id, 1), Ct);
        await AssertSuccessAsync(added);
        Assert.NotNull(await host.CartExpiresAtAsync($"cart:customer:{customerId}"));

        host.Cache.Kill();
        try
        {
            await host.PublishAsync(new UserDeleted(customerId));

            using var admin = host.Client(TestTokens.Admin());
            var deadline = DateTime.UtcNow.AddSeconds(20);
            OrderDetail? seen;
            do
            {
                await Task.Delay(100, Ct);
                seen = await admin.GetFromJsonAsync<OrderDetail>($"/api/orders/admin/{order.Id}", OrdersHost.Json, Ct);
            }
            while (seen!.ShippingAddress.Recipient != "(deleted)" && DateTime.UtcNow < deadline);

            Assert.Equal("(deleted)", seen.ShippingAddress.Recipient);
            Assert.Equal("(deleted)", seen.ShippingAddress.Line1);
            Assert.Null(await host.CartExpiresAtAsync($"cart:customer:{customerId}"));
            Assert.Equal(0, await CountUserDeletedAsync("dead_letters", customerId));
            Assert.Equal(0, await CountUserDeletedAsync("queue", customerId));
        }
        finally
        {
            await host.Cache.StartAsync();
        }
    }

    /// <summary>How many UserDeleted messages about the user sit in a messaging table (queue: still retrying).</summary>
    private async Task<long> CountUserDeletedAsync(string table, string userId)
    {
        await using var connection = new NpgsqlConnection(host.MessagingDatabase);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM messaging.{table} WHERE type = @type AND body::jsonb ->> 'userId' = @user", connection);
        command.Parameters.AddWithValue("type", nameof(UserDeleted));
        command.Parameters.AddWithValue("user", userId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task AssertSuccessAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");

    private static async Task<T> SendAsync<T>(HttpClient client, HttpMethod method, string path, string cartId)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(CartOwnerResolver.HeaderName, cartId);
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(OrdersHost.Json, Ct))!;
    }
}
