namespace ECommerce.Notifications.Domain;

/// <summary>The values an event gives its mail (stored as the queue row's JSON); each template reads the ones it needs.</summary>
public sealed record MailData
{
    public string? Reason { get; init; }

    public bool? CanRetry { get; init; }

    public string? TrackingNumber { get; init; }

    public string? Carrier { get; init; }

    public string? TrackingUrl { get; init; }

    public bool? OrderComplete { get; init; }

    public DateTimeOffset? At { get; init; }

    public long? AmountMinor { get; init; }

    public string? Currency { get; init; }

    public Guid? ReturnId { get; init; }

    /// <summary>The action link of an account e-mail (reset, confirmation).</summary>
    public string? Link { get; init; }

    public string? Name { get; init; }
}
