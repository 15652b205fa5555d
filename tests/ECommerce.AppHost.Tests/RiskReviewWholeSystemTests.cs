using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Risk that acts, with every real service (issue #22): Orders asks AI's serving scorer at checkout, and an order
/// carrying its strongest signals — a brand-new account, the fourth order within a day, a basket over £1,000 — is held
/// (authorised, not captured) until the back office approves it, after which it is captured and Paid exactly once.
/// Nothing here plays AI's part: the score is whatever the running service answers (the trained model when one is
/// serving, its stated rules otherwise).
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class RiskReviewWholeSystemTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_with_the_strongest_risk_signals_is_held_then_approved_and_paid()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var cheap = (await Shop.CreateProductAsync(admin, 2.50m, stock: 10, Ct)).GetProperty("id").GetGuid();
        var dear = (await Shop.CreateProductAsync(admin, 650m, stock: 4, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);

        // Three small orders first: the velocity signal counts orders placed in the last 24 hours.
        for (var i = 0; i < 3; i++)
        {
            using var small = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId = cheap, quantity = 1 }], "pm_card_visa", Ct);
            Assert.True(small.StatusCode == HttpStatusCode.Created, $"small order answered {(int)small.StatusCode}: {await small.Content.ReadAsStringAsync(Ct)}");
        }

        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId = dear, quantity = 2 }], "pm_card_visa", Ct);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)placed.StatusCode}: {await placed.Content.ReadAsStringAsync(Ct)}");
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var held = await Shop.WaitForOrderAsync(customer, orderId, ["HeldForReview", "Paid", "Cancelled"], Ct);
        Assert.Equal("HeldForReview", held.GetProperty("status").GetString());

        // The queue shows the order with its score and the reasons in words; nothing is captured yet.
        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/orders/admin/risk/queue", Ct);
        var entry = Assert.Single(queue.EnumerateArray(), o => o.GetProperty("id").GetGuid() == orderId);
        Assert.True(entry.GetProperty("score").GetDouble() >= 0.5, $"score {entry.GetProperty("score")}");
        Assert.NotEmpty(entry.GetProperty("reasons").EnumerateArray());
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}", Ct);
        Assert.Equal(0, before.GetProperty("totals").GetProperty("capturedMinor").GetInt64());

        using (var approved = await admin.PostAsync($"/api/orders/admin/{orderId}/risk/approve", null, Ct))
        {
            Assert.True(approved.StatusCode == HttpStatusCode.OK, $"approve answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync(Ct)}");
        }

        var paid = await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var payment = await Shop.EventuallyAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}", Ct),
            p => p.GetProperty("totals").GetProperty("capturedMinor").GetInt64() > 0, Ct);
        Assert.Equal(decimal.ToInt64(paid.GetProperty("total").GetDecimal() * 100), payment.GetProperty("totals").GetProperty("capturedMinor").GetInt64());
        Assert.Single(payment.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Captured");
    }
}
