using System.ComponentModel.DataAnnotations;

namespace ECommerce.Messaging;

/// <summary>Messaging settings (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// The broker the <c>messaging</c> connection string points at: <c>postgres</c> (queues in a PostgreSQL database,
    /// local runs) or <c>servicebus</c> (Azure Service Bus, deployed). The AppHost and the Container Apps templates set it.
    /// </summary>
    public string? Transport { get; set; }

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

    /// <summary>
    /// How many delivered messages one inbox transaction may handle together (group commit). 1, the default, is one
    /// transaction per message; more pays a transaction's cost once per batch, for handlers that only touch their own
    /// database — the handlers of a batch run one after another, so a slow outside call would hold up the batch. A
    /// handler that calls out is marked <see cref="HandledAloneAttribute"/> and keeps a transaction of its own.
    /// </summary>
    [Range(1, 256)]
    public int InboxBatchSize { get; set; } = 1;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MessagingTransports.Problem(Transport) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Transport)]);
        }
    }
}
