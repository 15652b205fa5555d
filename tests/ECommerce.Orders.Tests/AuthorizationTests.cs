using System.Net;
using System.Net.Http.Json;
using ECommerce.Orders.Admin;
using ECommerce.Orders.Browse;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Fulfilment;
using ECommerce.Testing;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Tests;

/// <summary>Who may see and do what: a customer only ever reaches their own orders; admin routes are for admins.</summary>
[Collection(OrdersCollection.Name)]
public sealed class AuthorizationTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_never_sees_another_customers_order()
    {
        var alice = TestTokens.Customer($"auth-alice-{Guid.NewGuid():N}");
        var bob = TestTokens.Customer($"auth-bob-{Guid.NewGuid():N}");
        var alicesOrder = await host.PlaceOrderAsync(alice, host.Neighbours.AddProduct(10m));
        await host.PlaceOrderAsync(bob, host.Neighbours.AddProduct(10m));
        using var asBob = host.Client(bob);

        using var byId = await asBob.GetAsync($"/api/orders/{alicesOrder.Id}", Ct);
        using var cancel = await asBob.PostAsync($"/api/orders/{alicesOrder.Id}/cancel", null, Ct);
        var bobsList = await asBob.GetFromJsonAsync<Page<OrderSummary>>("/api/orders", OrdersHost.Json, Ct);

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.DoesNotContain(bobsList!.Items, o => o.Id == alicesOrder.Id);
        Assert.Single(bobsList.Items);
        using var asAlice = host.Client(alice);
        Assert.Equal(HttpStatusCode.OK, (await asAlice.GetAsync($"/api/orders/{alicesOrder.Id}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/orders")]
    [InlineData("POST", "/api/orders")]
    [InlineData("GET", "/api/orders/0195f0a4-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/orders/0195f0a4-0000-7000-8000-000000000001/cancel")]
    [InlineData("POST", "/api/orders/cart/merge")]
    [InlineData("GET", "/api/orders/admin/search")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = host.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_401()
    {
        using var client = host.Client(TestTokens.Issue("forger", ["customer", "admin"], signingKey: TestTokens.ForeignKey));
        using var response = await client.GetAsync("/api/orders", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/orders/admin/search")]
    [InlineData("GET", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/orders/0195f0a4-0000-7000-8000-000000000001/ship")]
    [InlineData("POST", "/api/orders/0195f0a4-0000-7000-8000-000000000001/deliver")]
    [InlineData("GET", "/api/orders/admin/pick-list")]
    [InlineData("GET", "/api/orders/admin/returns")]
    [InlineData("GET", "/api/orders/admin/carriers")]
    [InlineData("POST", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001/shipments")]
    [InlineData("POST", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001/shipments/0195f0a4-0000-7000-8000-000000000002/deliver")]
    [InlineData("POST", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001/returns/0195f0a4-0000-7000-8000-000000000002/approve")]
    [InlineData("POST", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001/returns/0195f0a4-0000-7000-8000-000000000002/reject")]
    [InlineData("POST", "/api/orders/admin/0195f0a4-0000-7000-8000-000000000001/returns/0195f0a4-0000-7000-8000-000000000002/receive")]
    public async Task Customers_on_admin_routes_get_403(string method, string path)
    {
        using var client = host.Client(TestTokens.Customer("auth-not-admin"));
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new ShipOrderRequest("T")) };
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task My_orders_page_newest_first_without_gaps_or_repeats()
    {
        var token = TestTokens.Customer($"auth-pages-{Guid.NewGuid():N}");
        var placed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m))).Id);
        }

        using var client = host.Client(token);
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.GetFromJsonAsync<Page<OrderSummary>>($"/api/orders?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}", OrdersHost.Json, Ct);
            seen.AddRange(page!.Items.Select(o => o.Id));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(placed), seen);
        using var bad = await client.GetAsync("/api/orders?limit=500&cursor=not-a-cursor", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["cursor", "limit"], CheckoutTests.ErrorFields(await bad.Content.ReadAsStringAsync(Ct)).Order());
    }

    [Fact]
    public async Task Admins_search_by_customer_status_and_date()
    {
        var customerId = $"auth-search-{Guid.NewGuid():N}";
        var token = TestTokens.Customer(customerId);
        var first = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var second = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        using (var client = host.Client(token))
        {
            (await client.PostAsync($"/api/orders/{first.Id}/cancel", null, Ct)).EnsureSuccessStatusCode();
        }

        using var admin = host.Client(TestTokens.Admin());
        var cancelled = await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?customerId={customerId}&status=cancelled", OrdersHost.Json, Ct);
        var from = Uri.EscapeDataString(second.CreatedAt.ToString("O"));
        var recent = await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?customerId={customerId}&from={from}", OrdersHost.Json, Ct);
        using var badStatus = await admin.GetAsync("/api/orders/admin/search?status=Lost", Ct);

        Assert.Equal([first.Id], cancelled!.Items.Select(o => o.Id));
        Assert.Equal([second.Id], recent!.Items.Select(o => o.Id));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", CheckoutTests.ErrorFields(await badStatus.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task Admins_find_an_order_by_the_number_the_customer_reads_out_the_legacy_number_or_its_id()
    {
        var token = TestTokens.Customer($"auth-number-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var sameMinute = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(10m));
        var shown = OrderNumber.Format(order.Number);
        var legacy = OrderNumber.LegacyOf(order.Id);

        using var admin = host.Client(TestTokens.Admin());
        async Task<Guid[]> FindAsync(string text) =>
            [.. (await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?order={Uri.EscapeDataString(text)}", OrdersHost.Json, Ct))!.Items.Select(o => o.Id)];

        // As shown (a no-break space), as typed after a phone call, and as pasted from an e-mail.
        foreach (var typed in new[] { shown, $"{order.Number}", $"#{order.Number}", shown.Replace('\u00A0', ' '), $"# {shown}", $" {order.Number / 1000}-{order.Number % 1000:000} " })
        {
            Assert.Equal([order.Id], await FindAsync(typed));
        }

        // Orders placed before numbers existed were quoted by the id's hex tail: that, and the whole id, still work.
        Assert.Equal([order.Id], await FindAsync(legacy.ToUpperInvariant()));
        Assert.Equal([order.Id], await FindAsync(order.Id.ToString()));
        Assert.Equal([sameMinute.Id], await FindAsync($"{sameMinute.Number}"));
        var narrowed = await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?order={order.Number}&status=Cancelled", OrdersHost.Json, Ct);
        Assert.Empty(narrowed!.Items);
        Assert.Equal(order.Number, Assert.Single((await admin.GetFromJsonAsync<Page<AdminOrderSummary>>($"/api/orders/admin/search?order={order.Id}", OrdersHost.Json, Ct))!.Items).Number);

        // Malformed: letters, too short (below the first number), past the last, eight hex characters.
        foreach (var bad in new[] { "ord-12z", "100 24x", "12345", "100000", "123456789012345", "3f9c0a1b" })
        {
            using var response = await admin.GetAsync($"/api/orders/admin/search?order={Uri.EscapeDataString(bad)}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["order"], CheckoutTests.ErrorFields(await response.Content.ReadAsStringAsync(Ct)));
        }
    }
}
