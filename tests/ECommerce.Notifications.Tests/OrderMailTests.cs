using ECommerce.Contracts;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Sending;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Tests;

/// <summary>Order events through the real PostgreSQL transport, mailed to a real SMTP server (smtp4dev) and read back from its API.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class OrderMailTests(NotificationsFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_order_is_confirmed_by_mail_with_its_lines_totals_address_and_delivery_estimate()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        var paid = TestOrders.Paid(order);

        await service.PublishAsync(paid);

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer)));
        Assert.Equal($"Your order {order.Number} is confirmed", mail.Subject);
        var text = await service.Smtp.PlainTextAsync(mail.Id, Ct);
        Assert.StartsWith($"Order {order.Number}\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("Hello Ada Lovelace,", text);
        Assert.Contains("- Blue enamel mug (MUG-001) x 2: 25.00 GBP", text);
        Assert.Contains("- Earl Grey tea, 250 g (TEA-042) x 1: 17.50 GBP", text);
        Assert.Contains("Total: 46.49 GBP", text);
        Assert.Contains("12 St James's Square", text);
        Assert.Contains("Expected between Monday, 7 December 2026 and Wednesday, 9 December 2026 (Standard delivery).", text);
        Assert.Contains($"{NotificationsFixture.Storefront}/orders/{order.Id}", text);
        var html = await service.Smtp.HtmlAsync(mail.Id, Ct);
        // The no-break space between the groups is encoded like any other character outside ASCII.
        Assert.Contains($"<h1 style=\"font-size:20px\">{System.Net.WebUtility.HtmlEncode($"Order {order.Number}")}</h1>", html);
        Assert.Contains("<td>Blue enamel mug <small>(MUG-001)</small></td>", html);
        Assert.Contains("St James&#39;s Square", html);
        Assert.Equal($"<{SmtpMailer.MessageIdOf(QueuedMail.KeyOf(paid.Id, MailTemplates.OrderConfirmation))}>", await service.Smtp.HeaderAsync(mail.Id, "Message-ID", Ct));
    }

    [Fact]
    public async Task An_event_delivered_twice_sends_one_mail()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        var paid = TestOrders.Paid(order);

        await service.PublishAsync(paid);
        await service.PublishAsync(paid);
        await service.MailsToAsync(TestOrders.EmailOf(customer));
        // Both deliveries are handled (or found handled) before counting.
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(async db =>
            await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox WHERE message_id = {paid.Id}").SingleAsync(Ct) == 1), "the inbox row");
        await Task.Delay(1500, Ct);

        Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer), atLeast: 2, seconds: 1));
        Assert.Equal(1, await service.QueryAsync(db => db.Mails.CountAsync(m => m.OrderId == order.Id, Ct)));
    }

    [Fact]
    public async Task A_shipped_order_mail_names_the_carrier_and_links_the_tracking_page()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);

        await service.PublishAsync(new OrderShipped(order.Id, customer, "TRK-778899", "Royal Mail", "https://track.example.test/TRK-778899"));

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer)));
        Assert.Equal($"Your order {order.Number} is on its way", mail.Subject);
        var text = await service.Smtp.PlainTextAsync(mail.Id, Ct);
        Assert.Contains($"Order {order.Number}", text);
        Assert.Contains("Carrier: Royal Mail", text);
        Assert.Contains("Tracking number: TRK-778899", text);
        Assert.Contains("Track your parcel: https://track.example.test/TRK-778899", text);
        Assert.Contains("href=\"https://track.example.test/TRK-778899\"", await service.Smtp.HtmlAsync(mail.Id, Ct));
    }

    [Fact]
    public async Task A_shopper_who_prefers_French_gets_the_mail_in_French_with_French_numbers()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer, language: "fr-FR");

        await service.PublishAsync(TestOrders.Paid(order));

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer)));
        Assert.Equal($"Votre commande {order.Number} est confirmée", mail.Subject);
        var text = await service.Smtp.PlainTextAsync(mail.Id, Ct);
        Assert.Contains($"Commande {order.Number}", text);
        Assert.Contains("Bonjour Ada Lovelace,", text);
        Assert.Contains("Total : 46,49 GBP", text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Replace("Total:", "Total :"));
    }

    [Fact]
    public async Task A_guest_order_is_mailed_to_the_guest_address_with_the_order_link_token()
    {
        var guest = $"guest-{Guid.NewGuid():N}@example.test";
        var order = service.Neighbours.AddOrder("guest:" + guest, guestEmail: guest);

        await service.PublishAsync(new PaymentFailed(order.Id, "card_declined", CanRetry: true));

        var mail = Assert.Single(await service.MailsToAsync(guest));
        Assert.Equal($"The payment for order {order.Number} did not go through", mail.Subject);
        var text = await service.Smtp.PlainTextAsync(mail.Id, Ct);
        Assert.Contains("(your bank declined the card)", text);
        Assert.DoesNotContain("card_declined", text);
        Assert.Contains("Your items are still held for you", text);
        Assert.Contains($"/orders/{order.Id}?access=token-123", text);
    }

    [Fact]
    public async Task A_refund_mail_states_the_amount_in_the_currency()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);

        await service.PublishAsync(new PaymentRefunded(order.Id, Guid.NewGuid(), 1250, "GBP", "re_1"));

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer)));
        Assert.Equal($"We have refunded 12.50 GBP for order {order.Number}", mail.Subject);
        Assert.Contains($"Order {order.Number}", await service.Smtp.PlainTextAsync(mail.Id, Ct));
        Assert.Equal(customer, await service.QueryAsync(db => db.Mails.Where(m => m.OrderId == order.Id).Select(m => m.CustomerId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Every_step_of_a_return_is_mailed_under_the_order_number_the_shopper_quotes()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        var returnId = Guid.NewGuid();

        await service.PublishAsync(new ReturnRequested(order.Id, customer, returnId, []));
        await service.PublishAsync(new ReturnApproved(order.Id, customer, returnId));

        var mails = await service.MailsToAsync(TestOrders.EmailOf(customer), atLeast: 2);
        Assert.Equal(
            [$"We have received your return request for order {order.Number}", $"Your return for order {order.Number} is approved"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            Assert.Contains($"Order {order.Number}", await service.Smtp.PlainTextAsync(mail.Id, Ct));
        }
    }
}
