using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Orders.Tests;

/// <summary>
/// <c>GET /api/orders/{id}</c> with <c>Prefer: wait=N</c>: an order still being placed is answered once the saga has
/// moved it on (the events go through the real PostgreSQL transport), an order that is not in flight or a read without
/// the preference is answered at once, and another customer's order is still "not found", without waiting.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class OrderWaitTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_read_that_prefers_to_wait_is_answered_when_the_order_is_paid_not_at_each_step()
    {
        var (token, order) = await PendingOrderAsync("paid");
        using var client = host.Client(token);

        var read = ReadAsync(client, order.Id, "wait=10");
        await Task.Delay(300, Ct);
        Assert.False(read.IsCompleted, "A Pending order was answered before anything happened to it.");

        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);
        Assert.False(read.IsCompleted, "Reserved stock is still an order in flight: the wait goes on.");
        var clock = Stopwatch.StartNew();
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));

        using var response = await read.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Paid, (await response.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!.Status);
        Assert.Equal("wait=10", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Contains("Prefer", response.Headers.Vary);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"Answered {clock.Elapsed} after the payment, not when it was recorded.");
    }

    [Fact]
    public async Task A_change_committed_by_another_process_ends_the_wait_within_about_a_second()
    {
        var (token, order) = await PendingOrderAsync("elsewhere");
        using var client = host.Client(token);

        var read = ReadAsync(client, order.Id, "wait=10");
        await Task.Delay(300, Ct);
        Assert.False(read.IsCompleted);

        // Written past this process's EF Core (as another replica's commit would be): no signal here, only the waiter's own re-read.
        await using (var connection = new NpgsqlConnection(host.Database))
        {
            await connection.OpenAsync(Ct);
            await using var cancel = new NpgsqlCommand("UPDATE orders SET status = 'Cancelled', cancellation_reason = 'cancelled elsewhere' WHERE id = @id", connection);
            cancel.Parameters.AddWithValue("id", order.Id);
            Assert.Equal(1, await cancel.ExecuteNonQueryAsync(Ct));
        }

        var clock = Stopwatch.StartNew();
        using var response = await read.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var detail = (await response.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!;
        Assert.Equal(OrderStatus.Cancelled, detail.Status);
        Assert.Equal("cancelled elsewhere", detail.CancellationReason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"Answered {clock.Elapsed} after the change, not at the next re-read.");
    }

    [Fact]
    public async Task A_wait_ends_after_the_seconds_asked_for_with_the_order_as_it_is()
    {
        var (token, order) = await PendingOrderAsync("timeout");
        using var client = host.Client(token);

        var clock = Stopwatch.StartNew();
        using var response = await ReadAsync(client, order.Id, "respond-async, wait=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"Answered after {clock.Elapsed}, before the second asked for.");
        Assert.Equal(OrderStatus.Pending, (await response.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!.Status);
        Assert.Equal("wait=1", Assert.Single(response.Headers.GetValues("Preference-Applied")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wait=0")]
    [InlineData("wait=soon")]
    public async Task Without_a_usable_wait_preference_a_pending_order_is_answered_at_once(string? prefer)
    {
        var (token, order) = await PendingOrderAsync("none");
        using var client = host.Client(token);

        using var response = await ReadAsync(client, order.Id, prefer).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Preference-Applied"));
    }

    [Fact]
    public async Task A_settled_order_is_answered_at_once_and_another_customers_order_is_not_found_without_waiting()
    {
        var (token, order) = await PendingOrderAsync("settled");
        using var owner = host.Client(token);
        using var stranger = host.Client(TestTokens.Customer($"wait-stranger-{Guid.NewGuid():N}"));

        using var hidden = await ReadAsync(stranger, order.Id, "wait=10").WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        await host.PublishAsync(new StockRejected(order.Id, [new RejectedLine(order.Lines[0].ProductId, 1, 0)]));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        using var settled = await ReadAsync(owner, order.Id, "wait=10").WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.False(settled.Headers.Contains("Preference-Applied"));
    }

    /// <summary>A new customer's order, Pending until a test publishes what Products and Payments would.</summary>
    private async Task<(string Token, OrderDetail Order)> PendingOrderAsync(string name)
    {
        var token = TestTokens.Customer($"wait-{name}-{Guid.NewGuid():N}");
        return (token, await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(20m)));
    }

    private static Task<HttpResponseMessage> ReadAsync(HttpClient client, Guid orderId, string? prefer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{orderId}");
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        return client.SendAsync(request, Ct);
    }
}
