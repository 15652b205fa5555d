using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.GuestPayments;

/// <summary>
/// An account's owner verified their e-mail address: the payments of the guest orders placed with it become the
/// account's, as Orders moves the orders on the same event, so the customer's own payment endpoint shows them.
/// The update runs in the inbox's transaction with the inbox row: all of it, once.
/// </summary>
[HandlerName("EmailVerifiedHandler")]
public sealed class EmailVerifiedHandler(PaymentsDbContext db, ILogger<EmailVerifiedHandler> logger) : IIntegrationEventHandler<EmailVerified>
{
    public async Task HandleAsync(EmailVerified @event, CancellationToken cancellationToken)
    {
        var guestId = GuestCustomers.IdFor(@event.Email);
        var moved = await db.Payments.Where(p => p.CustomerId == guestId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, @event.UserId), cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("{Count} guest payment(s) moved to user {UserId}", moved, @event.UserId);
        }
    }
}
