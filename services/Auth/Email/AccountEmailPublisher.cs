using ECommerce.Auth.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.Auth.Email;

/// <summary>
/// Account e-mails leave Auth as integration events through its outbox (<see cref="PasswordResetRequested"/>,
/// <see cref="EmailConfirmationRequested"/>); the Notifications service renders and mails them. Where the development
/// mailbox is on (Development, or <c>Auth:DevelopmentMailbox</c> in tests) the link is also kept there, so a developer
/// or a test can follow it without reading a mail server.
/// </summary>
public sealed class AccountEmailPublisher(
    AuthDbContext db, IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock, DevelopmentMailbox? mailbox = null) : IEmailSender<AuthUser>
{
    public async Task SendConfirmationLinkAsync(AuthUser user, string email, string confirmationLink)
    {
        db.AddIntegrationEvent(new EmailConfirmationRequested(user.Id, email, confirmationLink));
        await db.SaveChangesAsync();
        await (mailbox?.SendConfirmationLinkAsync(user, email, confirmationLink) ?? Task.CompletedTask);
    }

    public async Task SendPasswordResetLinkAsync(AuthUser user, string email, string resetLink)
    {
        db.AddIntegrationEvent(new PasswordResetRequested(user.Id, email, resetLink, clock.GetUtcNow() + tokens.Value.TokenLifespan));
        await db.SaveChangesAsync();
        await (mailbox?.SendPasswordResetLinkAsync(user, email, resetLink) ?? Task.CompletedTask);
    }

    /// <summary>Auth mails links, never bare codes (Identity's API endpoints, which would, are not mapped).</summary>
    public Task SendPasswordResetCodeAsync(AuthUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password reset codes are not used; reset links are published as PasswordResetRequested.");
}
