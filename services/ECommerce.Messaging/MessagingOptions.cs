using System.ComponentModel.DataAnnotations;

namespace ECommerce.Messaging;

/// <summary>Messaging settings (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The subscription this service consumes on (its name, e.g. "products").</summary>
    [Required]
    public string Subscription { get; set; } = "";

    [Range(1, 10_000)]
    public int OutboxBatchSize { get; set; } = 200;

    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100)]
    public int MaxDeliveryCount { get; set; } = 10;

    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
