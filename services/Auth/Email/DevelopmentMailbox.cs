using System.Collections.Concurrent;
using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.Auth.Email;

/// <summary>A message the development mailbox received.</summary>
public sealed record MailboxMessage(string To, string Subject, string Link, DateTimeOffset SentAt);

/// <summary>
/// Development and test e-mail: links go to the log and to an in-memory mailbox that a development-only endpoint
/// serves, so password reset can be completed without a mail server.
/// </summary>
public sealed partial class DevelopmentMailbox(ILogger<DevelopmentMailbox> logger) : IEmailSender<AuthUser>
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<MailboxMessage> _messages = new();

    public IReadOnlyList<MailboxMessage> For(string email) =>
        [.. _messages.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).Reverse()];

    public Task SendConfirmationLinkAsync(AuthUser user, string email, string confirmationLink) =>
        Deliver(email, "Confirm your e-mail address", confirmationLink);

    public Task SendPasswordResetLinkAsync(AuthUser user, string email, string resetLink) =>
        Deliver(email, "Reset your password", resetLink);

    public Task SendPasswordResetCodeAsync(AuthUser user, string email, string resetCode) =>
        Deliver(email, "Your password reset code", resetCode);

    private Task Deliver(string to, string subject, string link)
    {
        _messages.Enqueue(new MailboxMessage(to, subject, link, DateTimeOffset.UtcNow));
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        LogSent(to, subject, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "Development mail to {To}: {Subject}: {Link}")]
    private partial void LogSent(string to, string subject, string link);
}
