using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Reviews;

/// <summary>
/// An account was deleted: its reviews stay (they still describe the product and count towards its rating) but lose
/// the customer's id and name ("A former customer"), and the record of what they bought is dropped. In the inbox's
/// transaction; ratings do not change, so no cache needs evicting.
/// </summary>
[HandlerName("UserDeletedHandler")]
public sealed class UserDeletedHandler(ProductsDbContext db) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken)
    {
        var reviews = await db.Reviews.Where(r => r.CustomerId == @event.UserId).ToListAsync(cancellationToken);
        foreach (var review in reviews)
        {
            review.Anonymise();
        }

        await db.Purchasers.Where(p => p.CustomerId == @event.UserId).ExecuteDeleteAsync(cancellationToken);
    }
}
