namespace ECommerce.Notifications.Domain;

/// <summary>A receiver the back office registered: where to POST which event types, and the secret deliveries are signed with.</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; }

    public string Url { get; set; } = "";

    public List<string> EventTypes { get; set; } = [];

    /// <summary>HMAC-SHA256 key of every delivery's signature; shown once, at registration.</summary>
    public string Secret { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One event for one endpoint: attempted until the receiver answers 2xx, logged with status and latency.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public Guid EventId { get; set; }

    public string EventType { get; set; } = "";

    /// <summary>The JSON body sent, fixed at queueing so every attempt (and a redelivery) signs the same bytes.</summary>
    public string Payload { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public int? LastStatusCode { get; set; }

    public int? LastLatencyMs { get; set; }

    public string? LastError { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    /// <summary>Still failing when the retry window (<c>Notifications:Webhooks:RetryFor</c>) ran out; can be redelivered by hand.</summary>
    Failed,
}
