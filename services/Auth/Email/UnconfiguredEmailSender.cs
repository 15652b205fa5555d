using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Email;

/// <summary>
/// Outside Development no mail transport is configured yet: the request is logged without the secret link, so a
/// reset cannot leak through logs. Replace with a real IEmailSender (SMTP, Azure Communication Services) to deliver.
/// </summary>
public sealed partial class UnconfiguredEmailSender(ILogger<UnconfiguredEmailSender> logger) : IEmailSender<AuthUser>
{
    public Task SendConfirmationLinkAsync(AuthUser user, string email, string confirmationLink) => Drop(user.Id);

    public Task SendPasswordResetLinkAsync(AuthUser user, string email, string resetLink) => Drop(user.Id);

    public Task SendPasswordResetCodeAsync(AuthUser user, string email, string resetCode) => Drop(user.Id);

    private Task Drop(string userId)
    {
        LogDropped(userId);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Warning, "No e-mail transport is configured; a message for user {UserId} was not sent.")]
    private partial void LogDropped(string userId);
}
