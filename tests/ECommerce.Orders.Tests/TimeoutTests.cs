using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>An Orders host with waits of seconds, to watch the timeout sweep act (long enough to reserve stock first).</summary>
public sealed class ShortTimeoutHost : OrdersHost
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Orders:Timeouts:Pending"] = "00:00:03",
        ["Orders:Timeouts:StockReserved"] = "00:00:01",
        ["Orders:Risk:ReviewWindow"] = "00:00:02",
    };
}

public sealed class TimeoutTests(ShortTimeoutHost host) : IClassFixture<ShortTimeoutHost>
{
    [Fact]
    public async Task An_order_whose_reservation_never_answers_is_cancelled_for_timeout()
    {
        var token = TestTokens.Customer($"timeout-pending-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);

        Assert.Equal("timeout", cancelled.CancellationReason);
        Assert.Equal(("system", "Timeout"), (cancelled.History[^1].Actor, cancelled.History[^1].Trigger));
        var cancelledEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.Equal("timeout", cancelledEvent.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_payment_that_never_answers_times_out_and_a_late_capture_is_refunded()
    {
        var token = TestTokens.Customer($"timeout-payment-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal(OrderStatus.StockReserved, cancelled.History[^1].From);
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP"));

        var cancellations = await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled), count: 2);
        Assert.Equal((false, true), (cancellations[0].GetProperty("wasPaid").GetBoolean(), cancellations[1].GetProperty("wasPaid").GetBoolean()));
    }

    [Fact]
    public async Task An_order_awaiting_payment_is_cancelled_when_its_stock_hold_runs_out_and_can_no_longer_be_paid()
    {
        var token = TestTokens.Customer($"timeout-retry-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.PublishAsync(new PaymentFailed(order.Id, "card_declined", CanRetry: true));

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal(("timeout", OrderStatus.AwaitingPayment), (cancelled.CancellationReason, cancelled.History[^1].From));
        using var retry = await host.Client(token).PostAsJsonAsync($"/api/orders/{order.Id}/payment", new { paymentMethod = "pm_card_visa" },
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
    }
}
