namespace ECommerce.Messaging.Outbox;

/// <summary>An event written in the same transaction as the change that raised it, waiting to be sent.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Topic { get; set; } = "";

    public string Type { get; set; } = "";

    public string Body { get; set; } = "";

    public string Headers { get; set; } = "{}";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
