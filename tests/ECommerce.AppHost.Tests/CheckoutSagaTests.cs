using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The checkout saga with every real service running (issue 6): Orders → Products reserves → Payments charges → Orders
/// settles, all through the gateway with tokens from the real code + PKCE flow. Each test creates its own product, so
/// stock counts belong to it alone.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class CheckoutSagaTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_browses_fills_a_cart_and_pays_by_card_and_the_order_becomes_paid_taking_the_stock()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var created = await Shop.CreateProductAsync(admin, 12.50m, stock: 5, Ct);
        var productId = created.GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);

        // Browse: the catalog, then the product's page by its slug.
        var catalog = await customer.GetFromJsonAsync<JsonElement>("/api/products?limit=5", Ct);
        Assert.NotEmpty(catalog.GetProperty("items").EnumerateArray());
        var page = await customer.GetFromJsonAsync<JsonElement>($"/api/products/by-slug/{created.GetProperty("slug").GetString()}", Ct);
        Assert.Equal(productId, page.GetProperty("id").GetGuid());

        using (var added = await customer.PostAsJsonAsync("/api/orders/cart/lines", new { productId, quantity = 2 }, Ct))
        {
            Assert.True(added.IsSuccessStatusCode, $"add to cart answered {(int)added.StatusCode}: {await added.Content.ReadAsStringAsync(Ct)}");
        }

        var cart = await customer.GetFromJsonAsync<JsonElement>("/api/orders/cart", Ct);
        var line = Assert.Single(cart.GetProperty("lines").EnumerateArray());
        Assert.Equal(12.50m, line.GetProperty("unitPrice").GetDecimal());

        var key = Guid.NewGuid().ToString();
        object[] lines = [new { productId, quantity = 2 }];
        using var placed = await Shop.PlaceOrderAsync(customer, key, lines, "pm_card_visa", Ct);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)placed.StatusCode}: {await placed.Content.ReadAsStringAsync(Ct)}");
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var repeated = await Shop.PlaceOrderAsync(customer, key, lines, "pm_card_visa", Ct);

        var order = await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct);

        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(orderId, (await repeated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        // Orders hears the reservation and the capture it caused on two subscriptions, so the capture may be handled
        // first: the order then goes from Pending straight to Paid and the late reservation changes nothing.
        string?[] history = [.. order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString())];
        Assert.True(history is ["Pending", "StockReserved", "Paid"] or ["Pending", "Paid"], $"history: {string.Join(" → ", history)}");
        // Paid commits the reservation: the 2 units stay reserved (never expiring) until they ship, then count as sold.
        var stock = await Shop.EventuallyAsync(() => Shop.StockAsync(admin, productId, Ct), s => s.Reserved == 2, Ct);
        Assert.Equal((3, 2, 0), stock);
        var payment = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}", Ct);
        Assert.Equal(MinorUnits(order.GetProperty("total").GetDecimal()), payment.GetProperty("totals").GetProperty("capturedMinor").GetInt64());
        Assert.Single(payment.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Captured");
        var emptied = await customer.GetFromJsonAsync<JsonElement>("/api/orders/cart", Ct);
        Assert.Empty(emptied.GetProperty("lines").EnumerateArray());

        // Nobody else sees it: another customer's guess by id is a 404, and their list does not hold it.
        using var stranger = await Shop.NewCustomerAsync(system, Ct);
        using var guessed = await stranger.GetAsync($"/api/orders/{orderId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        var theirs = await stranger.GetFromJsonAsync<JsonElement>("/api/orders", Ct);
        Assert.Empty(theirs.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_declined_card_holds_the_stock_and_paying_again_with_another_card_pays_the_same_order()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 30m, stock: 4, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);

        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 3 }], "pm_card_chargeDeclined", Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var declined = await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled", "AwaitingPayment"], Ct);
        Assert.Equal("AwaitingPayment", declined.GetProperty("status").GetString());
        Assert.Contains(declined.GetProperty("history").EnumerateArray(), h => h.GetProperty("trigger").GetString() == "PaymentDeclined");
        // The stock stays held for the retry: nothing went back on sale.
        Assert.Equal((1, 3, 0), await Shop.EventuallyAsync(() => Shop.StockAsync(admin, productId, Ct), s => s.Reserved == 3, Ct));

        using var retried = await customer.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { paymentMethod = "pm_card_visa" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var paid = await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct);

        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.Equal(2, paid.GetProperty("paymentAttempts").GetInt32());
        using var payment = await admin.GetAsync($"/api/payments/orders/{orderId}", Ct);
        var captured = (await payment.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("totals").GetProperty("capturedMinor").GetInt64();
        Assert.Equal(MinorUnits(paid.GetProperty("total").GetDecimal()), captured);
    }

    [Fact]
    public async Task An_order_for_more_than_is_in_stock_is_cancelled_and_takes_nothing()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 8m, stock: 2, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);

        // In stock at checkout (2 left), so Orders accepts it; the reservation of 3 is what fails.
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 3 }], "pm_card_visa", Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var order = await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.Contains(order.GetProperty("history").EnumerateArray(), h => h.GetProperty("trigger").GetString() == "StockRejected");
        Assert.Equal((2, 0, 0), await Shop.StockAsync(admin, productId, Ct));
        // Payments never charged it.
        using var payment = await admin.GetAsync($"/api/payments/orders/{orderId}", Ct);
        if (payment.StatusCode == HttpStatusCode.OK)
        {
            var body = await payment.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(0, body.GetProperty("totals").GetProperty("capturedMinor").GetInt64());
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
        }
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_once_and_puts_the_stock_back()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 20m, stock: 3, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 1 }], "pm_card_visa", Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal("Paid", (await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct)).GetProperty("status").GetString());

        using var cancelled = await customer.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" }, Ct);
        using var again = await customer.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "changed my mind" }, Ct);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True(again.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"second cancel answered {(int)again.StatusCode}");
        var order = await Shop.EventuallyAsync(
            () => customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", Ct),
            o => o.GetProperty("refundedAt").ValueKind != JsonValueKind.Null, Ct);
        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        Assert.True(order.GetProperty("wasPaid").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, order.GetProperty("refundedAt").ValueKind);

        var payment = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}", Ct);
        var refunds = payment.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Refunded").ToList();
        var refund = Assert.Single(refunds);
        Assert.Equal(MinorUnits(order.GetProperty("total").GetDecimal()), refund.GetProperty("amountMinor").GetInt64());
        Assert.Equal(0, payment.GetProperty("totals").GetProperty("netMinor").GetInt64());
        // A paid order's stock stays reserved until it ships; cancelling it gives the unit back.
        var stock = await Shop.EventuallyAsync(() => Shop.StockAsync(admin, productId, Ct), s => s.Available == 3, Ct);
        Assert.Equal(3, stock.Available);
    }

    private static long MinorUnits(decimal amount) => (long)(amount * 100);
}
