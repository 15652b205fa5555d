using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECommerce.Contracts;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.MessageLog;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Notifications.Tests;

/// <summary>Auth's account e-mails, the last mail of a deleted account, and the back office's message log.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class AccountMailTests(NotificationsFixture service)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_password_reset_request_mails_the_reset_link_to_the_address_in_the_event()
    {
        var userId = TestOrders.NewCustomerId();
        var email = TestOrders.EmailOf(userId);
        var link = $"https://shop.example.test/account/reset-password?token={Guid.NewGuid():N}";

        await service.PublishAsync(new PasswordResetRequested(userId, email, link, DateTimeOffset.UtcNow.AddHours(1)));

        var mail = Assert.Single(await service.MailsToAsync(email));
        Assert.Equal("Reset your password", mail.Subject);
        Assert.Contains($"Choose a new password: {link}", await service.Smtp.PlainTextAsync(mail.Id, Ct));
    }

    [Fact]
    public async Task An_email_confirmation_request_mails_the_confirmation_link()
    {
        var userId = TestOrders.NewCustomerId();
        var email = TestOrders.EmailOf(userId);

        await service.PublishAsync(new EmailConfirmationRequested(userId, email, "https://shop.example.test/account/confirm?code=abc"));

        var mail = Assert.Single(await service.MailsToAsync(email));
        Assert.Equal("Confirm your e-mail address", mail.Subject);
        Assert.Contains("href=\"https://shop.example.test/account/confirm?code=abc\"", await service.Smtp.HtmlAsync(mail.Id, Ct));
    }

    [Fact]
    public async Task A_deleted_account_gets_one_last_mail_and_is_then_forgotten()
    {
        var userId = TestOrders.NewCustomerId();
        var email = TestOrders.EmailOf(userId);
        await service.PublishAsync(new UserRegistered(userId, email, "Grace Hopper"));
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db => db.Contacts.AnyAsync(c => c.UserId == userId, Ct)), "the contact");

        await service.PublishAsync(new UserDeleted(userId));

        var mail = Assert.Single(await service.MailsToAsync(email));
        Assert.Equal("Your account has been deleted", mail.Subject);
        Assert.Contains("Hello Grace Hopper,", await service.Smtp.PlainTextAsync(mail.Id, Ct));
        Assert.False(await service.QueryAsync(db => db.Contacts.AnyAsync(c => c.UserId == userId, Ct)));
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
            db.Mails.AnyAsync(m => m.CustomerId == userId && m.Status == MailStatus.Sent && m.Recipient == null, Ct)), "the sent mail to drop its address");
    }

    [Fact]
    public async Task The_back_office_reads_a_customers_message_log_and_a_customer_may_not()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        await service.PublishAsync(TestOrders.Paid(order));
        // The broker does not promise order between two events (a retried one comes after the next), so the shipped
        // event goes out only once the confirmation is queued: the log's order is then the one asserted below.
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
            db.Mails.AnyAsync(m => m.CustomerId == customer && m.Template == MailTemplates.OrderConfirmation, Ct)), "the confirmation queued");
        await service.PublishAsync(new OrderShipped(order.Id, customer, "TRK-1"));
        await service.MailsToAsync(TestOrders.EmailOf(customer), atLeast: 2);
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
            db.Mails.CountAsync(m => m.CustomerId == customer && m.Status == MailStatus.Sent, Ct).ContinueWith(t => t.Result == 2, Ct)), "both mails logged as sent");

        var admin = service.Client(TestTokens.Admin());
        var page = await admin.GetFromJsonAsync<Page<MessageLogEntry>>($"/api/notifications/admin/customers/{customer}/messages?limit=1", Json, Ct);
        var newest = Assert.Single(page!.Items);
        Assert.Equal(MailTemplates.OrderShipped, newest.Template);
        Assert.Equal(TestOrders.EmailOf(customer), newest.Recipient);
        Assert.NotNull(page.Next);
        var rest = await admin.GetFromJsonAsync<Page<MessageLogEntry>>($"/api/notifications/admin/customers/{customer}/messages?cursor={page.Next}", Json, Ct);
        Assert.Equal(MailTemplates.OrderConfirmation, Assert.Single(rest!.Items).Template);
        Assert.Null(rest.Next);

        var forbidden = await service.Client(TestTokens.Customer(customer)).GetAsync($"/api/notifications/admin/customers/{customer}/messages", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var bad = await admin.GetAsync($"/api/notifications/admin/customers/{customer}/messages?limit=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("limit", await bad.Content.ReadAsStringAsync(Ct));
    }
}
