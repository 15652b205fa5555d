using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Orders.Admin;
using ECommerce.Orders.Browse;
using ECommerce.Orders.Domain;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>The order number: one per order from the database, under concurrency, in every shape that shows an order.</summary>
[Collection(OrdersCollection.Name)]
public sealed class OrderNumberTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forty_concurrent_checkouts_get_forty_different_numbers_from_the_sequence()
    {
        var product = host.Neighbours.AddProduct(10m);

        var placed = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            host.PlaceOrderAsync(TestTokens.Customer($"number-race-{i}-{Guid.NewGuid():N}"), product)));

        var numbers = placed.Select(o => o.Number).ToList();
        Assert.Equal(40, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n, OrderNumber.First, OrderNumber.Last));
    }

    [Fact]
    public async Task The_number_checkout_answers_is_the_one_the_detail_the_list_the_admin_search_and_the_mail_show()
    {
        var customerId = $"number-shapes-{Guid.NewGuid():N}";
        var token = TestTokens.Customer(customerId);
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        Assert.InRange(order.Number, OrderNumber.First, OrderNumber.Last);

        using var shopper = host.Client(token);
        var detail = await shopper.GetFromJsonAsync<OrderDetail>($"/api/orders/{order.Id}", OrdersHost.Json, Ct);
        var mine = await shopper.GetFromJsonAsync<Page<OrderSummary>>("/api/orders", OrdersHost.Json, Ct);
        using var admin = host.Client(TestTokens.Admin());
        var found = await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?customerId={customerId}", OrdersHost.Json, Ct);
        var adminDetail = await admin.GetFromJsonAsync<OrderDetail>($"/api/orders/admin/{order.Id}", OrdersHost.Json, Ct);
        using var notifications = host.Client(TestTokens.Issue("notifications", ["service"]));
        var forMail = await notifications.GetFromJsonAsync<JsonElement>($"/internal/orders/{order.Id}", OrdersHost.Json, Ct);

        Assert.Equal(order.Number, detail!.Number);
        Assert.Equal(order.Number, Assert.Single(mine!.Items).Number);
        Assert.Equal(order.Number, Assert.Single(found!.Items).Number);
        Assert.Equal(order.Number, adminDetail!.Number);
        // Mails get it formatted as the storefront shows it: groups of three, a no-break space between.
        Assert.Equal(OrderNumber.Format(order.Number), forMail.GetProperty("number").GetString());
        Assert.Equal(order.Number, forMail.GetProperty("order").GetProperty("number").GetInt64());
    }

    [Fact]
    public async Task The_number_is_no_way_in_another_customers_order_stays_not_found_by_id()
    {
        var order = await host.PlaceOrderAsync(TestTokens.Customer($"number-owner-{Guid.NewGuid():N}"), host.Neighbours.AddProduct(10m));
        using var stranger = host.Client(TestTokens.Customer($"number-stranger-{Guid.NewGuid():N}"));

        // Routes take an order's id only; a number where the id goes matches no route, and the id needs the owner.
        using var byNumber = await stranger.GetAsync($"/api/orders/{order.Number}", Ct);
        using var byId = await stranger.GetAsync($"/api/orders/{order.Id}", Ct);
        using var guestByNumber = await stranger.GetAsync($"/api/orders/guest/{order.Number}", Ct);
        using var search = await stranger.GetAsync($"/api/orders/admin/search?order={order.Number}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, byNumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guestByNumber.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
    }
}
