using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// An account was deleted: its orders lose the customer's identity and address but keep lines, amounts and history
/// (the financial record), and its cart is dropped. Both happen in the inbox's transaction: all of it or none, and
/// nothing here needs the cache.
/// </summary>
[HandlerName("UserDeletedHandler")]
public sealed class UserDeletedHandler(OrdersDbContext db, TimeProvider clock) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var orders = await db.Orders.Where(o => o.CustomerId == @event.UserId).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            order.Anonymise(now);
        }

        await db.DeleteCartAsync(CartOwner.Customer(@event.UserId), cancellationToken);
    }
}
