using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Tests;

/// <summary>Events published on the real PostgreSQL transport land in the AI service's tables, once.</summary>
public sealed class EventConsumptionTests(AiHost host) : IClassFixture<AiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_and_product_events_from_the_transport_land_in_the_tables()
    {
        var orderId = Guid.NewGuid();
        var productId = Guid.NewGuid();
        var paid = new OrderPaid(orderId, "customer-events", [new OrderLine(productId, "SKU-1", 2, 4.5m)], "EUR", 9m);
        await using var transport = MessagingTransports.Create(MessagingTransports.Postgres, host.MessagingDatabase);

        await PublishAsync(transport, paid);
        await PublishAsync(transport, paid); // a redelivered duplicate changes nothing
        await PublishAsync(transport, new ProductUpdated(productId, "Blue mug", "mug", true));
        await PublishAsync(transport, new ProductPriceChanged(productId, 4.5m, 5m, "EUR"));
        await PublishAsync(transport, new OrderCancelled(orderId, "customer-events", "customer asked", WasPaid: true));

        await WaitUntilAsync(async db =>
            await db.Cancellations.AnyAsync(c => c.OrderId == orderId, Ct)
            && await db.Products.AnyAsync(p => p.Id == productId && p.Price == 5m && p.Name == "Blue mug", Ct)
            && await db.Orders.AnyAsync(o => o.Id == orderId, Ct));
        await using var check = host.NewDb();
        var lines = await check.OrderLines.Where(l => l.OrderId == orderId).ToListAsync(Ct);
        Assert.Equal(productId, Assert.Single(lines).ProductId);
        Assert.True((await check.Cancellations.SingleAsync(c => c.OrderId == orderId, Ct)).WasPaid);
    }

    private static async Task PublishAsync(Messaging.Transport.IMessageTransport transport, IntegrationEvent @event)
    {
        var message = EventSerializer.Serialize(@event);
        await transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [message], Ct);
    }

    private async Task WaitUntilAsync(Func<Persistence.AiDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = host.NewDb();
            if (await condition(db))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "events did not land in the tables within 30 s");
            await Task.Delay(200, Ct);
        }
    }
}
