using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>
/// A declined payment keeps the order, its number and its stock: it waits in AwaitingPayment until the shopper pays
/// again with another method (Payments hears OrderPaymentRetried) or the hold runs out.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class PaymentRetryTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_decline_leaves_the_order_awaiting_payment_and_paying_again_makes_the_same_order_paid()
    {
        var token = TestTokens.Customer($"retry-{Guid.NewGuid():N}");
        var order = await DeclinedAsync(token);

        var awaiting = await host.WaitForStatusAsync(token, order.Id, OrderStatus.AwaitingPayment);
        Assert.NotNull(awaiting.StockHeldUntil);
        Assert.InRange(awaiting.StockHeldUntil!.Value, DateTimeOffset.UtcNow.AddMinutes(50), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderCancelled));

        using var client = host.Client(token);
        using var retried = await client.PostAsJsonAsync($"/api/orders/{order.Id}/payment", new { paymentMethod = "pm_card_visa" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var detail = await retried.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct);
        Assert.Equal((OrderStatus.StockReserved, 2, "pm_card_visa", awaiting.StockHeldUntil), (detail!.Status, detail.PaymentAttempts, detail.PaymentMethod, detail.StockHeldUntil));

        var published = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPaymentRetried)));
        Assert.Equal((2, "pm_card_visa"), (published.GetProperty("attempt").GetInt32(), published.GetProperty("paymentMethod").GetString()));

        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP"));
        var paid = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        Assert.Equal([OrderStatus.Pending, OrderStatus.StockReserved, OrderStatus.AwaitingPayment, OrderStatus.StockReserved, OrderStatus.Paid],
            paid.History.Select(h => h.To));
    }

    [Fact]
    public async Task Paying_again_is_refused_with_a_reason_unless_the_order_awaits_payment_and_changes_nothing()
    {
        var token = TestTokens.Customer($"retry-refused-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        using var client = host.Client(token);

        using var early = await client.PostAsJsonAsync($"/api/orders/{order.Id}/payment", new { paymentMethod = "pm_card_visa" }, Ct);
        using var cardNumber = await client.PostAsJsonAsync($"/api/orders/{order.Id}/payment", new { paymentMethod = "pm_4242424242424242" }, Ct);
        using var stranger = await host.Client(TestTokens.Customer("someone-else"))
            .PostAsJsonAsync($"/api/orders/{order.Id}/payment", new { paymentMethod = "pm_card_visa" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Pending", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cardNumber.StatusCode);
        Assert.Contains("\"paymentMethod\"", await cardNumber.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var unchanged = await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{order.Id}", OrdersHost.Json, Ct);
        Assert.Equal((OrderStatus.Pending, 1), (unchanged!.Status, unchanged.PaymentAttempts));
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderPaymentRetried));
    }

    [Fact]
    public async Task A_failure_no_retry_can_fix_still_cancels_the_order()
    {
        var token = TestTokens.Customer($"retry-never-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.PublishAsync(new PaymentFailed(order.Id, "amount_not_representable", CanRetry: false));

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal("payment failed: amount_not_representable", cancelled.CancellationReason);
    }

    private async Task<OrderDetail> DeclinedAsync(string token)
    {
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);
        await host.PublishAsync(new PaymentFailed(order.Id, "card_declined", CanRetry: true));
        return order;
    }
}
