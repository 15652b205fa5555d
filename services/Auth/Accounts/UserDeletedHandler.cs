using ECommerce.Auth.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace ECommerce.Auth.Accounts;

/// <summary>
/// An account deleted elsewhere (the Users service's "delete my account") loses its credentials and sessions here too.
/// Auth also hears its own UserDeleted; the account is already gone then and nothing happens. Nothing is published
/// in return, so one deletion is one event.
/// </summary>
[HandlerName("UserDeletedHandler")]
public sealed class UserDeletedHandler(UserManager<AuthUser> users, IOpenIddictAuthorizationManager authorizations)
    : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(@event.UserId) is not { } user)
        {
            return;
        }

        await foreach (var authorization in authorizations.FindBySubjectAsync(user.Id, cancellationToken))
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            // Thrown so the inbox rolls back and the message is retried, rather than marked handled.
            throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        }
    }
}
