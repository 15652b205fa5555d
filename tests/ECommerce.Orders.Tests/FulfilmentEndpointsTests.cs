using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Fulfilment;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Tests;

/// <summary>Shipments, the pick list and returns through the HTTP API, on real PostgreSQL and the real transport.</summary>
[Collection(OrdersCollection.Name)]
public sealed class FulfilmentEndpointsTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_ships_in_two_parts_never_over_its_lines_and_is_delivered_with_the_last_parcel()
    {
        var (token, order) = await PaidOrderAsync(2);
        var (a, b) = (order.Lines[0].ProductId, order.Lines[1].ProductId);
        using var admin = host.Client(TestTokens.Admin());

        using var tooMany = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/shipments", Shipment("dpd", "D1", (a, 2)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("lines[0].quantity", await tooMany.Content.ReadAsStringAsync(Ct));
        using var badCarrier = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/shipments", Shipment("pigeon", "D1", (a, 1)), Ct);
        Assert.Contains("carrier", await badCarrier.Content.ReadAsStringAsync(Ct));

        var first = await ReadAsync(await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/shipments", Shipment("dpd", "D1", (a, 1)), Ct));
        Assert.Equal(OrderStatus.PartiallyShipped, first.Status);
        var pick = (await admin.GetFromJsonAsync<PickList>("/api/orders/admin/pick-list", OrdersHost.Json, Ct))!;
        Assert.Contains(pick.Lines, l => l.ProductId == b && l.Orders.Any(o => o.OrderId == order.Id && o.OrderNumber == order.Number && o.Quantity == 1));
        Assert.DoesNotContain(pick.Lines, l => l.ProductId == a && l.Orders.Any(o => o.OrderId == order.Id));

        var shipped = await ReadAsync(await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/shipments", Shipment("ups", "1Z9", (b, 1)), Ct));
        Assert.Equal(OrderStatus.Shipped, shipped.Status);
        var events = await host.WaitForPublishedAsync(order.Id, nameof(OrderShipped), count: 2);
        Assert.Equal([false, true], events.Select(e => e.GetProperty("orderComplete").GetBoolean()));
        Assert.Equal("https://www.ups.com/track?tracknum=1Z9", events[1].GetProperty("trackingUrl").GetString());
        Assert.Equal(b, events[1].GetProperty("lines")[0].GetProperty("productId").GetGuid());

        foreach (var shipment in shipped.Shipments)
        {
            (await admin.PostAsync($"/api/orders/admin/{order.Id}/shipments/{shipment.Id}/deliver", null, Ct)).EnsureSuccessStatusCode();
        }

        var delivered = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Delivered);
        Assert.NotNull(delivered.ReturnsOpenUntil);
        Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderDelivered)));
    }

    [Fact]
    public async Task A_shopper_returns_a_line_the_back_office_receives_it_and_the_refund_reaches_the_order()
    {
        var (token, order) = await DeliveredOrderAsync();
        var line = order.Lines[0];
        using var shopper = host.Client(token);
        using var stranger = host.Client(TestTokens.Customer($"stranger-{Guid.NewGuid():N}"));

        using var notTheirs = await stranger.PostAsJsonAsync($"/api/orders/{order.Id}/returns", Return((line.ProductId, 1, "damaged")), Ct);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        using var tooMany = await shopper.PostAsJsonAsync($"/api/orders/{order.Id}/returns", Return((line.ProductId, 2, "damaged")), Ct);
        Assert.Contains("lines[0].quantity", await tooMany.Content.ReadAsStringAsync(Ct));
        using var badReason = await shopper.PostAsJsonAsync($"/api/orders/{order.Id}/returns", Return((line.ProductId, 1, "meh")), Ct);
        Assert.Contains("lines[0].reason", await badReason.Content.ReadAsStringAsync(Ct));

        var requested = await ReadAsync(await shopper.PostAsJsonAsync($"/api/orders/{order.Id}/returns", Return((line.ProductId, 1, "no_longer_needed")), Ct));
        var returnId = Assert.Single(requested.Returns).Id;
        using var admin = host.Client(TestTokens.Admin());
        var queue = (await admin.GetFromJsonAsync<ReturnQueueEntry[]>("/api/orders/admin/returns", OrdersHost.Json, Ct))!;
        Assert.Contains(queue, q => q.ReturnId == returnId && q.OrderId == order.Id && q.OrderNumber == order.Number);
        using var early = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/returns/{returnId}/receive", Receive((line.ProductId, true)), Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        (await admin.PostAsync($"/api/orders/admin/{order.Id}/returns/{returnId}/approve", null, Ct)).EnsureSuccessStatusCode();
        var received = await ReadAsync(await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/returns/{returnId}/receive", Receive((line.ProductId, true)), Ct));

        // 1 of 2 lines back for a reason of the shopper's: the line's price, no shipping.
        Assert.Equal(line.LineTotal, Assert.Single(received.Returns).Refund);
        var refund = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(RefundRequested)));
        Assert.Equal(returnId, refund.GetProperty("requestId").GetGuid());
        var amount = refund.GetProperty("amountMinor").GetInt64();
        Assert.Equal(Money.ToMinor(line.LineTotal, "GBP"), amount);
        Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(ReturnReceived)));

        await host.PublishAsync(new PaymentRefunded(order.Id, Guid.NewGuid(), amount, "GBP", "re_return_1"));

        // The lines, history and returns are read in separate queries: wait until both show the refund.
        var refunded = await WaitForAsync(token, order.Id,
            o => o.Returns.All(r => r.Status == ReturnStatus.Refunded) && o.History.Any(h => h.Trigger == Order.RefundedTrigger && h.Reason!.Contains("re_return_1", StringComparison.Ordinal)));
        Assert.Equal(
            ["ReturnRequested", "ReturnApproved", "ReturnReceived"],
            refunded.History.Where(h => h.Trigger.StartsWith("Return", StringComparison.Ordinal)).Select(h => h.Trigger));
    }

    [Fact]
    public async Task A_guest_returns_with_the_order_link_and_a_wrong_link_is_404()
    {
        var (_, order) = await DeliveredOrderAsync();
        var tokens = new OrderAccessTokens(Options.Create(new OrderAccessOptions { SigningKey = TestOrderAccess.SigningKey }), TimeProvider.System);
        var link = tokens.Issue(order.Id, DateTimeOffset.UtcNow.AddDays(1));
        var otherLink = tokens.Issue(Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1));
        using var anonymous = host.Client();
        var body = Return((order.Lines[1].ProductId, 1, "wrong_item"));

        using var wrong = await anonymous.PostAsJsonAsync($"/api/orders/guest/{order.Id}/returns?access={Uri.EscapeDataString(otherLink)}", body, Ct);
        using var right = await anonymous.PostAsJsonAsync($"/api/orders/guest/{order.Id}/returns?access={Uri.EscapeDataString(link)}", body, Ct);

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var requested = await ReadAsync(right);
        Assert.Equal("guest", requested.History[^1].Actor);
        Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(ReturnRequested)));
    }

    private async Task<(string Token, OrderDetail Order)> PaidOrderAsync(int lines)
    {
        var token = TestTokens.Customer($"fulfil-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, [.. Enumerable.Range(0, lines).Select(i => host.Neighbours.AddProduct(10m + i))]);
        await host.PublishAsync(new PaymentSucceeded(order.Id, Guid.NewGuid(), Money.ToMinor(order.Total, "GBP"), "GBP"));
        return (token, await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid));
    }

    private async Task<(string Token, OrderDetail Order)> DeliveredOrderAsync()
    {
        var (token, order) = await PaidOrderAsync(2);
        using var admin = host.Client(TestTokens.Admin());
        (await admin.PostAsJsonAsync($"/api/orders/{order.Id}/ship", new ShipOrderRequest("RM-1", "royal-mail"), Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/orders/{order.Id}/deliver", null, Ct)).EnsureSuccessStatusCode();
        return (token, await host.WaitForStatusAsync(token, order.Id, OrderStatus.Delivered));
    }

    private async Task<OrderDetail> WaitForAsync(string token, Guid orderId, Func<OrderDetail, bool> condition)
    {
        using var client = host.Client(token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var order = (await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{orderId}", OrdersHost.Json, Ct))!;
            if (condition(order) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(order), $"The order did not reach the expected state: {string.Join("; ", order.History.Select(h => h.Reason))}");
                return order;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<OrderDetail> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            return (await response.Content.ReadFromJsonAsync<OrderDetail>(OrdersHost.Json, Ct))!;
        }
    }

    private static CreateShipmentRequest Shipment(string carrier, string tracking, params (Guid ProductId, int Quantity)[] lines) =>
        new(carrier, tracking, [.. lines.Select(l => new ShipmentLineRequest(l.ProductId, l.Quantity))]);

    private static RequestReturnRequest Return(params (Guid ProductId, int Quantity, string Reason)[] lines) =>
        new([.. lines.Select(l => new ReturnLineRequest(l.ProductId, l.Quantity, l.Reason))], null);

    private static ReceiveReturnRequest Receive(params (Guid ProductId, bool Restock)[] lines) =>
        new([.. lines.Select(l => new ReceivedLineRequest(l.ProductId, l.Restock))]);
}
