using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Orders.Apis;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>An Orders host on a Redis of its own, which the outage tests kill and start again.</summary>
public sealed class OwnRedisHost : OrdersHost
{
    public StoppableRedisServer CartStore { get; private set; } = null!;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await CartStore.DisposeAsync();
    }

    protected override async Task<string> RedisConnectionStringAsync()
    {
        CartStore = await StoppableRedisServer.StartNewAsync();
        return CartStore.ConnectionString;
    }
}

/// <summary>The cart store (Redis) going away is nobody's mistake: a retryable 503, and carts work again once it is back.</summary>
public sealed class RedisOutageTests(OwnRedisHost host) : IClassFixture<OwnRedisHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_Redis_down_cart_calls_answer_503_problem_details_and_succeed_again_once_it_is_back()
    {
        using var client = host.Client(TestTokens.Customer($"redis-outage-{Guid.NewGuid():N}"));
        var product = host.Neighbours.AddProduct(4m);
        (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct)).EnsureSuccessStatusCode();

        host.CartStore.Kill();
        try
        {
            var watch = Stopwatch.StartNew();
            using (var read = await client.GetAsync("/api/orders/cart", Ct))
            {
                await AssertCartStoreUnavailableAsync(read);
            }

            using (var write = await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 1), Ct))
            {
                await AssertCartStoreUnavailableAsync(write);
            }

            // Failing fast matters as much as the status: a shopper (and the gateway's timeout) should not wait it out.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"two failing cart calls took {watch.Elapsed}");
        }
        finally
        {
            await host.CartStore.StartAsync();
        }

        // The connection comes back on its own; nothing in Orders needs a restart. (The new server is empty: the
        // cart's contents are what a restarted cache without persistence loses, not what this test is about.)
        using var back = await WaitForSuccessAsync(() => client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(product.Id, 2), Ct));
        var cart = await back.Content.ReadFromJsonAsync<CartView>(OrdersHost.Json, Ct);
        Assert.Equal(2, Assert.Single(cart!.Lines).Quantity);
        using var read2 = await client.GetAsync("/api/orders/cart", Ct);
        Assert.Equal(HttpStatusCode.OK, read2.StatusCode);
    }

    private static async Task AssertCartStoreUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The cart store is unavailable.", problem.RootElement.GetProperty("title").GetString());
        // Redis' own messages name hosts and ports; they stay in the logs.
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> WaitForSuccessAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await send();
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var body = await response.Content.ReadAsStringAsync(Ct);
            response.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"still failing 30 s after Redis came back: {body}");
            await Task.Delay(250, Ct);
        }
    }
}
