using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// An account's owner verified their e-mail address: the guest orders placed with it become the account's (they appear
/// in its order list). Only this event claims anything, so an unverified account with the same address sees nothing.
/// </summary>
[HandlerName("EmailVerifiedHandler")]
public sealed class EmailVerifiedHandler(OrdersDbContext db, TimeProvider clock, ILogger<EmailVerifiedHandler> logger) : IIntegrationEventHandler<EmailVerified>
{
    public async Task HandleAsync(EmailVerified @event, CancellationToken cancellationToken)
    {
        var guestId = GuestCustomers.IdFor(@event.Email);
        var orders = await db.Orders.Include(o => o.History).Where(o => o.CustomerId == guestId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = orders.Count(o => o.ClaimFor(@event.UserId, now));
        if (claimed > 0)
        {
            logger.LogInformation("{Count} guest order(s) claimed by user {UserId}", claimed, @event.UserId);
        }
    }
}
