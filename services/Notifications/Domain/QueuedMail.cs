namespace ECommerce.Notifications.Domain;

/// <summary>
/// One e-mail to send because of one event: its key is the event's id and the template (<see cref="KeyOf"/>), so a
/// redelivered event finds its row already there and queues nothing. The sender fills in the recipient and subject
/// when it composes the mail, counts its attempts and records the outcome: this row is the customer's message log.
/// </summary>
public sealed class QueuedMail
{
    public const int MaxKeyLength = 120;

    /// <summary>"{event id}:{template}": also the mail's Message-ID, so even a resend after a crash is one message to a mail client.</summary>
    public string Key { get; set; } = "";

    public string Template { get; set; } = "";

    /// <summary>The account (or guest customer id) the mail is about; null until known (a payment event names only the order).</summary>
    public string? CustomerId { get; set; }

    public Guid? OrderId { get; set; }

    /// <summary>The address, when the event names it (account e-mails, a deleted account's last mail); else looked up when composing.</summary>
    public string? Recipient { get; set; }

    /// <summary>BCP 47 tag when the event decides it; else the shopper's preference is looked up when composing.</summary>
    public string? Language { get; set; }

    /// <summary>The event's own values the template needs (tracking link, reset link, amount), as JSON.</summary>
    public string Data { get; set; } = "{}";

    public MailStatus Status { get; set; } = MailStatus.Queued;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? Subject { get; set; }

    public string? LastError { get; set; }

    public static string KeyOf(Guid eventId, string template) => $"{eventId:N}:{template}";
}

/// <summary>Where a queued mail stands.</summary>
public enum MailStatus
{
    Queued,
    Sent,
    /// <summary>Given up after the last retry, or it can never be sent (no address known).</summary>
    Failed,
}
