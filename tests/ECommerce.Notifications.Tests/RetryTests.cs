using ECommerce.Contracts;
using ECommerce.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Tests;

/// <summary>The sender rides out an SMTP outage and a neighbour outage: the mail waits, is retried with backoff, and goes once.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class RetryTests(NotificationsFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mail_queued_while_SMTP_is_down_is_sent_once_it_is_back()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        service.Smtp.Stop();
        try
        {
            await service.PublishAsync(TestOrders.Paid(order));
            await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
                db.Mails.AnyAsync(m => m.OrderId == order.Id && m.Attempts >= 2 && m.LastError != null, Ct)), "two failed attempts", seconds: 60);
            var waiting = await service.QueryAsync(db => db.Mails.SingleAsync(m => m.OrderId == order.Id, Ct));
            Assert.Equal(MailStatus.Queued, waiting.Status);
        }
        finally
        {
            await service.Smtp.StartAgainAsync();
        }

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer), seconds: 30));
        Assert.Equal($"Your order {order.Number} is confirmed", mail.Subject);
        // The sender records the outcome just after the SMTP server accepted the mail.
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
            db.Mails.AnyAsync(m => m.OrderId == order.Id && m.Status == MailStatus.Sent, Ct)), "the mail to be logged as sent");
        var sent = await service.QueryAsync(db => db.Mails.SingleAsync(m => m.OrderId == order.Id, Ct));
        Assert.True(sent.Attempts >= 3, $"attempts: {sent.Attempts}");
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_mail_whose_order_cannot_be_read_yet_is_retried_until_Orders_answers()
    {
        var customer = TestOrders.NewCustomerId();
        var order = service.Neighbours.AddOrder(customer);
        service.Neighbours.OrdersDown = true;
        try
        {
            await service.PublishAsync(new OrderDelivered(order.Id, customer, DateTimeOffset.UtcNow));
            await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db =>
                db.Mails.AnyAsync(m => m.OrderId == order.Id && m.Attempts >= 1 && m.LastError != null, Ct)), "a failed attempt", seconds: 90);
        }
        finally
        {
            service.Neighbours.OrdersDown = false;
        }

        var mail = Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer), seconds: 30));
        Assert.Equal($"Your order {order.Number} has been delivered", mail.Subject);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(20, 3600)]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Sending.Backoff.Delay(attempt, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1)));
}
