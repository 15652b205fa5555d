using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// The shopper's mail with every real service running: Notifications consumes the real events and sends over SMTP to
/// smtp4dev (the AppHost's mail server), whose API (<c>GET /api/messages</c>) the test reads as the shopper's inbox.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class NotificationMailTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_is_mailed_the_account_confirmation_the_order_confirmation_the_tracking_number_the_return_approval_and_the_refund()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 9.99m, stock: 3, Ct)).GetProperty("id").GetGuid();
        var email = $"mail-{Guid.NewGuid():N}@shop.test";
        var password = "Correct-horse-7" + Guid.NewGuid().ToString("N")[..8];
        using (var anonymous = system.CreateGatewayClient())
        {
            using var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Mail Shopper" }, Ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var welcome = await MailAsync(inbox, email, "Confirm your e-mail address");
        Assert.Contains("/account/confirm-email?userId=", await inbox.GetStringAsync($"/api/messages/{welcome.Id}/plaintext", Ct));

        using var customer = await Shop.SignedInAsync(system, email, password, Ct);
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 2 }], "pm_card_visa", Ct);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)placed.StatusCode}: {await placed.Content.ReadAsStringAsync(Ct)}");
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal("Paid", (await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct)).GetProperty("status").GetString());
        var number = Shop.MailNumber(order);

        var confirmation = await MailAsync(inbox, email, $"Your order {number} is confirmed");
        var confirmationText = await inbox.GetStringAsync($"/api/messages/{confirmation.Id}/plaintext", Ct);
        Assert.Contains("x 2: 19.98 GBP", confirmationText);
        Assert.Contains("1 High Street", confirmationText);
        Assert.Contains($"/orders/{orderId}", confirmationText);

        var tracking = "TRK-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using (var shipped = await admin.PostAsJsonAsync($"/api/orders/{orderId}/ship", new { trackingNumber = tracking }, Ct))
        {
            Assert.True(shipped.IsSuccessStatusCode, $"ship answered {(int)shipped.StatusCode}: {await shipped.Content.ReadAsStringAsync(Ct)}");
        }

        var shippedMail = await MailAsync(inbox, email, $"Your order {number} is on its way");
        Assert.Contains($"Tracking number: {tracking}", await inbox.GetStringAsync($"/api/messages/{shippedMail.Id}/plaintext", Ct));

        // Delivered, then one unit sent back: the return's approval and its refund are mailed too.
        using (var delivered = await admin.PostAsync($"/api/orders/{orderId}/deliver", null, Ct))
        {
            Assert.True(delivered.IsSuccessStatusCode, $"deliver answered {(int)delivered.StatusCode}: {await delivered.Content.ReadAsStringAsync(Ct)}");
        }

        await MailAsync(inbox, email, $"Your order {number} has been delivered");
        using var requested = await customer.PostAsJsonAsync($"/api/orders/{orderId}/returns",
            new { lines = new[] { new { productId, quantity = 1, reason = "no_longer_needed" } } }, Ct);
        Assert.True(requested.IsSuccessStatusCode, $"return answered {(int)requested.StatusCode}: {await requested.Content.ReadAsStringAsync(Ct)}");
        var returnId = (await requested.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("returns")[0].GetProperty("id").GetGuid();
        using (var approved = await admin.PostAsync($"/api/orders/admin/{orderId}/returns/{returnId}/approve", null, Ct))
        {
            Assert.True(approved.IsSuccessStatusCode, $"approve answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync(Ct)}");
        }

        await MailAsync(inbox, email, $"Your return for order {number} is approved");
        using (var received = await admin.PostAsJsonAsync($"/api/orders/admin/{orderId}/returns/{returnId}/receive",
            new { lines = new[] { new { productId, restock = true } } }, Ct))
        {
            Assert.True(received.IsSuccessStatusCode, $"receive answered {(int)received.StatusCode}: {await received.Content.ReadAsStringAsync(Ct)}");
        }

        var refundMail = await MailAsync(inbox, email, $"We have refunded 9.99 GBP for order {number}");
        Assert.Contains("9.99 GBP", await inbox.GetStringAsync($"/api/messages/{refundMail.Id}/plaintext", Ct));

        // Each event was mailed once: no duplicates in the inbox.
        var all = await MessagesToAsync(inbox, email);
        Assert.Equal(all.Count, all.Select(m => m.Subject).Distinct().Count());

        // The back office's message log, through the gateway.
        var userId = (await customer.GetFromJsonAsync<JsonElement>("/api/users/me", Ct)).GetProperty("userId").GetString();
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/admin/customers/{userId}/messages", Ct);
        Assert.Contains(log.GetProperty("items").EnumerateArray(), m => m.GetProperty("template").GetString() == "order-shipped");
    }

    private static async Task<InboxMessage> MailAsync(HttpClient inbox, string to, string subject)
    {
        var found = await Shop.EventuallyAsync(() => MessagesToAsync(inbox, to), mails => mails.Any(m => m.Subject == subject), Ct);
        return Assert.Single(found, m => m.Subject == subject);
    }

    private static async Task<List<InboxMessage>> MessagesToAsync(HttpClient inbox, string to)
    {
        var page = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1000", Ct);
        return [.. page.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), to, StringComparison.OrdinalIgnoreCase)))
            .Select(m => new InboxMessage(m.GetProperty("id").GetString()!, m.GetProperty("subject").GetString()!))];
    }

    private sealed record InboxMessage(string Id, string Subject);
}
