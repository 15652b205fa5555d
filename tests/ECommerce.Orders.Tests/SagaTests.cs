using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Admin;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Fulfilment;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>
/// The checkout choreography through the real PostgreSQL transport: the tests publish what Products and Payments
/// would, and read what Orders publishes from the broker.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class SagaTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_that_is_reserved_and_paid_is_shipped_and_delivered()
    {
        var token = TestTokens.Customer($"saga-happy-{Guid.NewGuid():N}");
        var (a, b) = (host.Neighbours.AddProduct(12.50m), host.Neighbours.AddProduct(40m));
        var order = await host.PlaceOrderAsync(token, a, b);

        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.Equal("pm_card_visa", placed.GetProperty("paymentMethod").GetString());
        Assert.Equal(order.Total, placed.GetProperty("total").GetDecimal());
        Assert.Equal(2, placed.GetProperty("lines").GetArrayLength());

        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        var paid = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPaid)));
        Assert.Equal(order.Total, paid.GetProperty("total").GetDecimal());

        using var admin = host.Client(TestTokens.Admin());
        using var shipped = await admin.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new ShipOrderRequest("TRACK-123"), Ct);
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        var shippedEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderShipped)));
        Assert.Equal("TRACK-123", shippedEvent.GetProperty("trackingNumber").GetString());
        using var delivered = await admin.PostAsync($"/api/orders/{order.Id}/deliver", null, Ct);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var final = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Delivered);
        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.StockReserved, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered],
            final.History.Select(h => h.To));
        Assert.Equal(["customer", "products", "payments", "admin:admin-1", "admin:admin-1"], final.History.Select(h => h.Actor));
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderCancelled));
    }

    [Fact]
    public async Task An_order_out_of_stock_is_cancelled_and_its_stock_released()
    {
        var token = TestTokens.Customer($"saga-oos-{Guid.NewGuid():N}");
        var product = host.Neighbours.AddProduct(10m);
        var order = await host.PlaceOrderAsync(token, product);

        await host.PublishAsync(new StockRejected(order.Id, [new RejectedLine(product.Id, 1, 0)]));

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.StartsWith("out of stock", cancelled.CancellationReason, StringComparison.Ordinal);
        var cancelledEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.False(cancelledEvent.GetProperty("wasPaid").GetBoolean());
    }

    [Fact]
    public async Task A_declined_payment_cancels_the_order_and_releases_the_stock()
    {
        var token = TestTokens.Customer($"saga-declined-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));

        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);
        await host.PublishAsync(new PaymentFailed(order.Id, "card_declined"));

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal("payment failed: card_declined", cancelled.CancellationReason);
        var cancelledEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.False(cancelledEvent.GetProperty("wasPaid").GetBoolean());
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderPaid));
    }

    [Fact]
    public async Task Duplicated_and_reordered_events_pay_the_order_once()
    {
        var token = TestTokens.Customer($"saga-dupes-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var reserved = new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15));
        var captured = new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP");

        // The payment is handled before the reservation that caused it, and everything arrives more than once:
        // redelivered under the same message id, and republished under a new one.
        await host.PublishAsync(captured);
        await host.RedeliverAsync(captured);
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        await host.PublishAsync(captured with { Id = Guid.NewGuid() });
        await host.PublishAsync(reserved);
        await host.RedeliverAsync(reserved);
        await host.PublishAsync(new StockRejected(order.Id, []));
        await host.PublishAsync(new PaymentFailed(order.Id, "stale"));
        await WaitForQueueToDrainAsync();

        var final = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        Assert.Equal([OrderStatus.Pending, OrderStatus.Paid], final.History.Select(h => h.To));
        var published = await host.PublishedAsync(order.Id);
        Assert.Single(published, p => p.Type == nameof(OrderPaid));
        Assert.DoesNotContain(published, p => p.Type == nameof(OrderCancelled));
    }

    [Fact]
    public async Task Cancelling_after_payment_asks_for_one_refund()
    {
        var token = TestTokens.Customer($"saga-refund-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var captured = new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP");
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.PublishAsync(captured);
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);

        using var client = host.Client(token);
        using var cancel = await client.PostAsJsonAsync($"/api/orders/{order.Id}/cancel", new CancelOrderRequest("changed my mind"), Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using var again = await client.PostAsJsonAsync($"/api/orders/{order.Id}/cancel", new CancelOrderRequest(null), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // A capture repeated after the cancel must not ask for a second refund.
        await host.PublishAsync(captured with { Id = Guid.NewGuid() });
        var refunded = new PaymentRefunded(order.Id, captured.PaymentId, 1794, "GBP", "re_full");
        await host.PublishAsync(refunded);
        await host.PublishAsync(refunded with { Id = Guid.NewGuid() });
        await WaitForQueueToDrainAsync();

        var cancelledEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.True(cancelledEvent.GetProperty("wasPaid").GetBoolean());
        Assert.Equal("changed my mind", cancelledEvent.GetProperty("reason").GetString());
        var final = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.NotNull(final.RefundedAt);
        Assert.Single(final.History, h => h.Trigger == "Refunded");
    }

    [Fact]
    public async Task Each_partial_refund_is_recorded_once_and_leaves_the_order_paid()
    {
        var token = TestTokens.Customer($"saga-partial-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var captured = new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP");
        await host.PublishAsync(captured);
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);

        var first = new PaymentRefunded(order.Id, captured.PaymentId, 500, "GBP", "re_first");
        var second = new PaymentRefunded(order.Id, captured.PaymentId, 250, "GBP", "re_second");
        await host.PublishAsync(first);
        await host.PublishAsync(second);
        // The same refunds again: redelivered, and republished under new message ids.
        await host.RedeliverAsync(first);
        await host.PublishAsync(first with { Id = Guid.NewGuid() });
        await host.PublishAsync(second with { Id = Guid.NewGuid() });
        await WaitForQueueToDrainAsync();

        var final = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        var refunds = final.History.Where(h => h.Trigger == "Refunded").ToList();
        Assert.Equal(2, refunds.Count);
        Assert.Contains(refunds, h => h.Reason!.Contains("5.00 GBP", StringComparison.Ordinal) && h.Reason.EndsWith("[re_first]", StringComparison.Ordinal));
        Assert.Contains(refunds, h => h.Reason!.Contains("2.50 GBP", StringComparison.Ordinal) && h.Reason.EndsWith("[re_second]", StringComparison.Ordinal));
        Assert.NotNull(final.RefundedAt);
    }

    [Fact]
    public async Task The_store_can_cancel_a_paid_order_with_a_reason_which_asks_for_one_refund()
    {
        var token = TestTokens.Customer($"saga-admin-cancel-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);

        using var customer = host.Client(token);
        using var asCustomer = await customer.PostAsJsonAsync($"/api/orders/admin/{order.Id}/cancel", new CancelOrderRequest("mine"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        using var admin = host.Client(TestTokens.Admin());
        using var noReason = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/cancel", new CancelOrderRequest(" "), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var cancel = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/cancel", new CancelOrderRequest("out of stock at the warehouse"), Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        using var again = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/cancel", new CancelOrderRequest("twice"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await WaitForQueueToDrainAsync();

        var cancelledEvent = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.True(cancelledEvent.GetProperty("wasPaid").GetBoolean());
        var final = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Contains(final.History, h => h.Actor.StartsWith("admin:", StringComparison.Ordinal) && h.Reason!.Contains("warehouse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shipped_order_cannot_be_cancelled()
    {
        var token = TestTokens.Customer($"saga-shipped-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), 1794, "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        using var admin = host.Client(TestTokens.Admin());
        (await admin.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new ShipOrderRequest("T-1"), Ct)).EnsureSuccessStatusCode();

        using var client = host.Client(token);
        using var cancel = await client.PostAsync($"/api/orders/{order.Id}/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal(OrderStatus.Shipped, (await host.WaitForStatusAsync(token, order.Id, OrderStatus.Shipped)).Status);
    }

    [Fact]
    public async Task A_reservation_arriving_after_the_customer_cancelled_is_released()
    {
        var token = TestTokens.Customer($"saga-late-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        using var client = host.Client(token);
        (await client.PostAsync($"/api/orders/{order.Id}/cancel", null, Ct)).EnsureSuccessStatusCode();

        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));

        var cancellations = await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled), count: 2);
        Assert.Equal("StockReserved after cancellation", cancellations[1].GetProperty("reason").GetString());
        Assert.Equal(OrderStatus.Cancelled, (await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled)).Status);
    }

    [Fact]
    public async Task Deleting_the_account_anonymises_its_orders_but_keeps_the_amounts()
    {
        var customerId = $"saga-deleted-{Guid.NewGuid():N}";
        var token = TestTokens.Customer(customerId);
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));

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
        Assert.Equal(order.Total, seen.Total);
        Assert.Equal(order.Lines.Count, seen.Lines.Count);
        var search = await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?customerId={customerId}", OrdersHost.Json, Ct);
        Assert.Empty(search!.Items);
    }

    /// <summary>Waits until the Orders subscription has nothing left to handle, so "nothing more happened" can be asserted.</summary>
    private async Task WaitForQueueToDrainAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.MessagingDatabase);
        await connection.OpenAsync(Ct);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM messaging.queue WHERE subscription = 'orders'", connection);
            if ((long)(await command.ExecuteScalarAsync(Ct))! == 0)
            {
                // The outbox may still hold what the last handler published.
                await Task.Delay(500, Ct);
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail("The orders subscription did not drain.");
    }
}
