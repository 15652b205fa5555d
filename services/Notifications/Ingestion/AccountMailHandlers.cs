using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Ingestion;

/// <summary>Auth's password-reset link, mailed to the address the event names.</summary>
[HandlerName("PasswordResetRequestedHandler")]
public sealed class PasswordResetRequestedHandler(MailQueue queue) : IIntegrationEventHandler<PasswordResetRequested>
{
    public Task HandleAsync(PasswordResetRequested @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.PasswordReset, @event.UserId, null,
            new MailData { Link = @event.ResetUrl, At = @event.ExpiresAt }, recipient: @event.Email, cancellationToken: cancellationToken);
}

/// <summary>Auth's e-mail confirmation link, mailed to the address to confirm.</summary>
[HandlerName("EmailConfirmationRequestedHandler")]
public sealed class EmailConfirmationRequestedHandler(MailQueue queue) : IIntegrationEventHandler<EmailConfirmationRequested>
{
    public Task HandleAsync(EmailConfirmationRequested @event, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(@event.Id, MailTemplates.EmailConfirmation, @event.UserId, null,
            new MailData { Link = @event.ConfirmUrl }, recipient: @event.Email, cancellationToken: cancellationToken);
}

/// <summary>Remembers the new account's address and name, for the mail sent after Users has forgotten them.</summary>
[HandlerName("UserRegisteredHandler")]
public sealed class UserRegisteredHandler(NotificationsDbContext db) : IIntegrationEventHandler<UserRegistered>
{
    public async Task HandleAsync(UserRegistered @event, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.FindAsync([@event.UserId], cancellationToken);
        if (contact is null)
        {
            db.Contacts.Add(new Contact { UserId = @event.UserId, Email = @event.Email, DisplayName = Clip(@event.DisplayName, 200) });
        }
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// The account is gone: queue the "account deleted" mail with the address copied onto it, then forget the contact
/// (the queued mail is the only copy left, and it is anonymised once sent).
/// </summary>
[HandlerName("UserDeletedHandler")]
public sealed class UserDeletedHandler(NotificationsDbContext db, MailQueue queue) : IIntegrationEventHandler<UserDeleted>
{
    public async Task HandleAsync(UserDeleted @event, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.UserId == @event.UserId, cancellationToken);
        if (contact is null)
        {
            return; // never known here (registered before this service existed): nobody to write to
        }

        await queue.EnqueueAsync(@event.Id, MailTemplates.AccountDeleted, @event.UserId, null,
            new MailData { Name = contact.DisplayName }, recipient: contact.Email, language: contact.Language ?? "en", cancellationToken: cancellationToken);
        db.Contacts.Remove(contact);
    }
}
