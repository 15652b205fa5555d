using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Users.Persistence;

namespace ECommerce.Users.Ingestion;

/// <summary>Creates the profile for a new account; a repeat, or a profile created lazily first, changes nothing.</summary>
[HandlerName("UserRegisteredHandler")]
public sealed class UserRegisteredHandler(ProfileStore profiles) : IIntegrationEventHandler<UserRegistered>
{
    public Task HandleAsync(UserRegistered @event, CancellationToken cancellationToken) =>
        profiles.CreateFromRegistrationAsync(@event.UserId, @event.Email, @event.DisplayName, cancellationToken);
}
