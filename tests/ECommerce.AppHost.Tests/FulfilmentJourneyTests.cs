using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Life after payment with every real service running: an order shipped in two parcels (Products sells the units per
/// parcel), delivered, one line returned and received for restock; Orders asks Payments for the refund and the order
/// shows Payments' PaymentRefunded amount.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class FulfilmentJourneyTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_order_ships_in_two_parts_is_delivered_and_a_returned_line_is_refunded_on_the_order()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var first = (await Shop.CreateProductAsync(admin, 12.50m, stock: 5, Ct)).GetProperty("id").GetGuid();
        var second = (await Shop.CreateProductAsync(admin, 30m, stock: 5, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(),
            [new { productId = first, quantity = 2 }, new { productId = second, quantity = 1 }], "pm_card_visa", Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal("Paid", (await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct)).GetProperty("status").GetString());

        await SendAsync(admin, $"/api/orders/admin/{orderId}/shipments", new { carrier = "dpd", trackingNumber = "DPD-1", lines = new[] { new { productId = first, quantity = 2 } } });
        Assert.Equal((3, 0, 2), await Shop.EventuallyAsync(() => Shop.StockAsync(admin, first, Ct), s => s.Sold == 2, Ct));
        Assert.Equal((4, 1, 0), await Shop.StockAsync(admin, second, Ct));
        var shipped = await SendAsync(admin, $"/api/orders/admin/{orderId}/shipments", new { carrier = "royal-mail", trackingNumber = "RM-2", lines = new[] { new { productId = second, quantity = 1 } } });
        Assert.Equal("Shipped", shipped.GetProperty("status").GetString());
        foreach (var shipment in shipped.GetProperty("shipments").EnumerateArray())
        {
            await SendAsync(admin, $"/api/orders/admin/{orderId}/shipments/{shipment.GetProperty("id").GetGuid()}/deliver", null);
        }

        var delivered = await Shop.WaitForOrderAsync(customer, orderId, ["Delivered"], Ct);
        Assert.Equal("Delivered", delivered.GetProperty("status").GetString());
        Assert.Equal((4, 0, 1), await Shop.EventuallyAsync(() => Shop.StockAsync(admin, second, Ct), s => s.Sold == 1, Ct));

        var requested = await SendAsync(customer, $"/api/orders/{orderId}/returns", new { lines = new[] { new { productId = first, quantity = 1, reason = "no_longer_needed" } } });
        var returnId = requested.GetProperty("returns")[0].GetProperty("id").GetGuid();
        await SendAsync(admin, $"/api/orders/admin/{orderId}/returns/{returnId}/approve", null);
        var received = await SendAsync(admin, $"/api/orders/admin/{orderId}/returns/{returnId}/receive", new { lines = new[] { new { productId = first, restock = true } } });
        Assert.Equal(12.50m, received.GetProperty("returns")[0].GetProperty("refund").GetDecimal());

        // Payments refunds 1250 (RefundRequested → PaymentRefunded); Orders records it and marks the return refunded.
        var refunded = await Shop.EventuallyAsync(
            () => customer.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", Ct),
            o => o.GetProperty("returns")[0].GetProperty("status").GetString() == "Refunded", Ct);
        Assert.Equal("Refunded", refunded.GetProperty("returns")[0].GetProperty("status").GetString());
        Assert.Contains(refunded.GetProperty("history").EnumerateArray(),
            h => h.GetProperty("trigger").GetString() == "Refunded" && h.GetProperty("reason").GetString()!.StartsWith("refund of 12.50 GBP", StringComparison.Ordinal));
        var payment = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/orders/{orderId}", Ct);
        Assert.Equal(1250, Assert.Single(payment.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Refunded").GetProperty("amountMinor").GetInt64());
        // The returned unit is back on sale.
        Assert.Equal((4, 0, 1), await Shop.EventuallyAsync(() => Shop.StockAsync(admin, first, Ct), s => s.Available == 4, Ct));
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string path, object? body)
    {
        using var response = body is null ? await client.PostAsync(path, null, Ct) : await client.PostAsJsonAsync(path, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
