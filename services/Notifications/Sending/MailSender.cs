using System.Diagnostics;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Notifications.Sending;

/// <summary>
/// Sends the queued mails: claims the due rows (a lease, so two replicas never send the same mail at once), composes and
/// sends each, and records the outcome. A failure (SMTP down, a neighbour down) is retried with exponential backoff
/// (<see cref="NotificationsOptions.FirstRetryDelay"/> doubling up to <see cref="NotificationsOptions.MaxRetryDelay"/>)
/// until <see cref="NotificationsOptions.MaxAttempts"/>; then the mail is marked failed in the message log.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider clock, ILogger<MailSender> logger) : BackgroundService
{
    /// <summary>How long a claimed mail stays invisible to other senders while this one works on it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly ActivitySource Source = new("ECommerce.Notifications");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await SendDueAsync(stoppingToken);
                if (sent > 0)
                {
                    continue; // there may be more
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The mail sender's pass failed; trying again shortly.");
            }

            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: sends what is due now, returns how many mails it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + Lease;
        var keys = await db.Database.SqlQuery<string>($"""
            UPDATE mail_queue SET next_attempt_at = {leaseUntil}
            WHERE key IN (SELECT key FROM mail_queue WHERE status = 'Queued' AND next_attempt_at <= {now}
                          ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING key AS "Value"
            """).ToListAsync(cancellationToken);
        // The pass's mails share one SMTP connection.
        await using var smtp = scope.ServiceProvider.GetRequiredService<SmtpMailer>().OpenSession();
        foreach (var key in keys)
        {
            await SendOneAsync(scope.ServiceProvider, db, smtp, key, cancellationToken);
        }

        return keys.Count;
    }

    private async Task SendOneAsync(IServiceProvider services, NotificationsDbContext db, SmtpSession smtp, string key, CancellationToken cancellationToken)
    {
        var mail = await db.Mails.SingleAsync(m => m.Key == key, cancellationToken);
        using var activity = Source.StartActivity("mail send");
        activity?.SetTag("mail.template", mail.Template);
        mail.Attempts++;
        try
        {
            var (recipient, rendered) = await services.GetRequiredService<MailComposer>().ComposeAsync(mail, cancellationToken);
            await smtp.SendAsync(mail.Key, recipient, rendered, cancellationToken);
            mail.Status = MailStatus.Sent;
            mail.SentAt = clock.GetUtcNow();
            // The last mail of a deleted account keeps no address once sent.
            mail.Recipient = mail.Template == MailTemplates.AccountDeleted ? null : recipient;
            mail.Subject = Clip(rendered.Subject, 300);
            mail.LastError = null;
            logger.LogInformation("Sent {Template} mail {Key} (attempt {Attempt})", mail.Template, mail.Key, mail.Attempts);
        }
        catch (UndeliverableMailException e)
        {
            mail.Status = MailStatus.Failed;
            mail.LastError = Clip(e.Message, 1000);
            logger.LogWarning("Mail {Key} cannot be sent: {Reason}", mail.Key, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var o = options.Value;
            mail.LastError = Clip($"{e.GetType().Name}: {e.Message}", 1000);
            if (mail.Attempts >= o.MaxAttempts)
            {
                mail.Status = MailStatus.Failed;
                logger.LogError(e, "Gave up mail {Key} after {Attempts} attempts", mail.Key, mail.Attempts);
            }
            else
            {
                mail.NextAttemptAt = clock.GetUtcNow() + Backoff.Delay(mail.Attempts, o.FirstRetryDelay, o.MaxRetryDelay);
                logger.LogWarning(e, "Mail {Key} failed (attempt {Attempt}); next try at {Next}", mail.Key, mail.Attempts, mail.NextAttemptAt);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Exponential backoff: <c>first × 2^(attempt-1)</c>, capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = first * factor;
        return delay > max ? max : delay;
    }
}
