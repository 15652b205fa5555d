using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Persistence;

namespace ECommerce.Users.Ingestion;

/// <summary>
/// Erases the user's data when the account is deleted elsewhere (an admin deletion in Auth). Also receives the
/// UserDeleted this service published itself, which finds the tombstone and does nothing; it never republishes.
/// </summary>
[HandlerName("UserDeletedHandler")]
public sealed class UserDeletedHandler(AccountEraser eraser) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken) =>
        eraser.StageAsync(@event.UserId, publish: false, cancellationToken);
}
