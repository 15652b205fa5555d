using System.Text.Json;
using ECommerce.Notifications.Domain;

namespace ECommerce.Notifications.Persistence;

/// <summary>
/// What the event handlers call: adds a mail to the queue in the handler's transaction (the inbox's), keyed by the
/// event and template, so the mail is queued exactly when the event is recorded as handled, and once.
/// </summary>
public sealed class MailQueue(NotificationsDbContext db, TimeProvider clock)
{
    public async Task EnqueueAsync(
        Guid eventId, string template, string? customerId, Guid? orderId, object? data = null,
        string? recipient = null, string? language = null, CancellationToken cancellationToken = default)
    {
        var key = QueuedMail.KeyOf(eventId, template);
        // The inbox already makes a redelivered event a no-op; this also covers one event reaching two handlers' paths.
        if (await db.Mails.FindAsync([key], cancellationToken) is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Mails.Add(new QueuedMail
        {
            Key = key,
            Template = template,
            CustomerId = customerId,
            OrderId = orderId,
            Recipient = recipient,
            Language = language,
            Data = data is null ? "{}" : JsonSerializer.Serialize(data, JsonSerializerOptions.Web),
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
