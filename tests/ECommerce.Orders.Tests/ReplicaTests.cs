using System.Net.Http.Headers;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Lifecycle;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>Two Orders processes on one database and broker, each sweeping for timeouts every 200 ms; Pending times out after 2 s.</summary>
public sealed class TwoReplicaOrdersHost : OrdersHost
{
    protected override int ReplicaCount => 2;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Orders:Timeouts:Pending"] = "00:00:02",
    };
}

public sealed class ReplicaTests(TwoReplicaOrdersHost host) : IClassFixture<TwoReplicaOrdersHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_replicas_sweeping_cancel_each_overdue_order_once_with_one_OrderCancelled()
    {
        // Placed through either replica (as the proxy spreads them); nobody answers, so each times out.
        var placed = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var token = TestTokens.Customer($"replica-timeout-{Guid.NewGuid():N}");
            return (Token: token, Order: await PlaceAsync(i % 2, token, host.Neighbours.AddProduct(10m)));
        }, Ct)));

        // The background sweeps of both replicas run; both are also driven flat out at once on top.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var (token, order) in placed)
        {
            while ((await StatusAsync(token, order.Id)) != OrderStatus.Cancelled)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Order {order.Id} not cancelled 20 s after placing.");
                await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Sweep(i).SweepAsync(Ct)));
            }
        }

        // Several more sweep rounds: nothing more to do, and nothing done twice.
        await Task.Delay(1000, Ct);
        foreach (var (token, order) in placed)
        {
            using var client = host.Client(token);
            var detail = (await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{order.Id}", OrdersHost.Json, Ct))!;
            Assert.Single(detail.History, h => h.Trigger == nameof(OrderTrigger.Timeout));
            Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        }
    }

    [Fact]
    public async Task Both_replicas_purging_expired_carts_at_once_delete_each_once()
    {
        var owners = Enumerable.Range(0, 10).Select(_ => $"replica-cart-{Guid.NewGuid():N}").ToList();
        foreach (var owner in owners)
        {
            using var client = host.Client(TestTokens.Customer(owner));
            (await client.PostAsJsonAsync("/api/orders/cart/lines", new AddCartLineRequest(host.Neighbours.AddProduct(3m).Id, 1), Ct)).EnsureSuccessStatusCode();
            await host.SetCartExpiryAsync($"cart:customer:{owner}", TimeSpan.FromSeconds(-1));
        }

        var purged = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await using var scope = host.Replicas[i].Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CartStore>().PurgeExpiredAsync(Ct);
        }, Ct)));

        // Other tests' carts may expire too; these ten went exactly once between the two.
        Assert.InRange(purged.Sum(), owners.Count, owners.Count + 5);
        foreach (var owner in owners)
        {
            Assert.Null(await host.CartExpiresAtAsync($"cart:customer:{owner}"));
        }
    }

    private async Task<OrderDetail> PlaceAsync(int replica, string token, StubProduct product)
    {
        using var client = host.Replicas[replica].CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(OrdersHost.Checkout(product), options: OrdersHost.Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!;
    }

    /// <summary>Replica <paramref name="replica"/>'s own sweep (a hosted service, not registered by its type).</summary>
    private OrderTimeoutService Sweep(int replica) =>
        host.Service<IEnumerable<IHostedService>>(replica).OfType<OrderTimeoutService>().Single();

    private async Task<OrderStatus> StatusAsync(string token, Guid orderId)
    {
        using var client = host.Client(token);
        return (await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{orderId}", OrdersHost.Json, Ct))!.Status;
    }
}
