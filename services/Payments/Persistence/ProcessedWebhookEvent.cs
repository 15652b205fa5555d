namespace ECommerce.Payments.Persistence;

/// <summary>A provider event already applied; its id is the primary key, so a replayed webhook finds it and does nothing.</summary>
public sealed class ProcessedWebhookEvent
{
    public string EventId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
