using ECommerce.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Tests;

/// <summary>Two Notifications processes on one database, broker and SMTP server: both consume and both senders poll every 200 ms.</summary>
public sealed class TwoReplicaNotificationsFixture : NotificationsFixture
{
    protected override int ReplicaCount => 2;
}

public sealed class ReplicaTests(TwoReplicaNotificationsFixture service) : IClassFixture<TwoReplicaNotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paid_orders_handled_by_two_replicas_are_each_mailed_once()
    {
        var customers = Enumerable.Range(0, 20).Select(_ => TestOrders.NewCustomerId()).ToList();
        var orders = customers.Select(c => service.Neighbours.AddOrder(c)).ToList();

        await Task.WhenAll(orders.Select(o => service.PublishAsync(TestOrders.Paid(o))));

        var ids = orders.Select(o => o.Id).ToList();
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(async db =>
            await db.Mails.CountAsync(m => m.OrderId != null && ids.Contains(m.OrderId.Value), Ct) == ids.Count), "a mail queued for each order");
        await NotificationsFixture.EventuallyAsync(() => service.QueryAsync(db => db.Mails.AllAsync(
            m => !ids.Contains(m.OrderId!.Value) || m.Status == MailStatus.Sent, Ct)), "every mail sent");
        // Both senders keep polling a while: nothing is sent twice.
        await Task.Delay(1000, Ct);

        foreach (var customer in customers)
        {
            Assert.Single(await service.MailsToAsync(TestOrders.EmailOf(customer), atLeast: 2, seconds: 0));
        }

        Assert.All(await service.QueryAsync(db => db.Mails.Where(m => m.OrderId != null && ids.Contains(m.OrderId.Value)).ToListAsync(Ct)),
            m => Assert.Equal((MailStatus.Sent, 1), (m.Status, m.Attempts)));
    }
}
