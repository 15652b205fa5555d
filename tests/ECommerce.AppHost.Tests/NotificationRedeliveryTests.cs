using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// At-least-once delivery seen from the shopper's inbox: Orders' outbox sends the same <c>OrderPaid</c> message again
/// (what a crash between the broker's acknowledgement and the outbox's commit does), every subscriber receives it a
/// second time, and the shopper still has one order confirmation.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class NotificationRedeliveryTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_paid_event_delivered_twice_mails_one_confirmation()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 4.50m, stock: 2, Ct)).GetProperty("id").GetGuid();
        var email = $"redelivery-{Guid.NewGuid():N}@shop.test";
        using var customer = await Shop.NewCustomerAsync(system, email, Ct);
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 1 }], "pm_card_visa", Ct);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)placed.StatusCode}: {await placed.Content.ReadAsStringAsync(Ct)}");
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal("Paid", (await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct)).GetProperty("status").GetString());
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var subject = $"Your order {Shop.MailNumber(order)} is confirmed";
        await Shop.EventuallyAsync(() => ConfirmationsAsync(inbox, email, subject), n => n == 1, Ct);

        // The outbox forgets that it sent the message: the dispatcher publishes it again with the same message id.
        await using var orders = new NpgsqlConnection(await system.App.GetConnectionStringAsync("ordersdb", Ct));
        await orders.OpenAsync(Ct);
        var messageId = await ScalarAsync<Guid?>(orders, """
            UPDATE outbox SET sent_at = NULL WHERE type = 'OrderPaid' AND (body::jsonb ->> 'orderId')::uuid = @order RETURNING id
            """, ("order", orderId));
        Assert.NotNull(messageId);
        var resent = await Shop.EventuallyAsync(
            () => ScalarAsync<bool>(orders, "SELECT sent_at IS NOT NULL FROM outbox WHERE id = @id", ("id", messageId.Value)), sent => sent, Ct);
        Assert.True(resent, "the outbox did not send the OrderPaid message again");

        // Every subscriber, Notifications among them, has taken the second copy off its queue, none dead-lettered it.
        await using var messaging = new NpgsqlConnection(await system.App.GetConnectionStringAsync("messaging", Ct));
        await messaging.OpenAsync(Ct);
        var waiting = await Shop.EventuallyAsync(
            () => ScalarAsync<long>(messaging, "SELECT count(*) FROM messaging.queue WHERE message_id = @id", ("id", messageId.Value)), n => n == 0, Ct);
        Assert.Equal(0, waiting);
        Assert.Equal(0, await ScalarAsync<long>(messaging, "SELECT count(*) FROM messaging.dead_letters WHERE message_id = @id", ("id", messageId.Value)));

        // One mail queued for the order's confirmation, and after the sender's next rounds one in the shopper's inbox.
        await using var notifications = new NpgsqlConnection(await system.App.GetConnectionStringAsync("notificationsdb", Ct));
        await notifications.OpenAsync(Ct);
        Assert.Equal(1, await ScalarAsync<long>(notifications,
            "SELECT count(*) FROM mail_queue WHERE order_id = @order AND template = 'order-confirmation'", ("order", orderId)));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(1, await ConfirmationsAsync(inbox, email, subject));
    }

    private static async Task<int> ConfirmationsAsync(HttpClient inbox, string to, string subject)
    {
        var page = await inbox.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1000", Ct);
        return page.GetProperty("results").EnumerateArray().Count(m =>
            m.GetProperty("subject").GetString() == subject
            && m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), to, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(Ct);
        return result is null or DBNull ? default! : (T)result;
    }
}
