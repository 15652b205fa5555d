using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ECommerce.Messaging;

/// <summary>
/// The messaging meter and activity source ("ECommerce.Messaging"), collected by ServiceDefaults. Counters use
/// OpenTelemetry's messaging names where one exists (<c>messaging.client.sent.messages</c>,
/// <c>messaging.client.consumed.messages</c>); the store's own are under <c>ecommerce.</c>. Tags are the conventions'
/// attribute names. docs/operations.md lists every metric and what to watch.
/// </summary>
public static class MessagingMetrics
{
    public const string Name = "ECommerce.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly ConcurrentDictionary<string, Backlog> Outboxes = new();
    private static readonly ConcurrentDictionary<string, Backlog> Subscriptions = new();

    public static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "messaging.client.sent.messages", "{message}", "Messages the outbox sent to the broker.");

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>(
        "messaging.client.consumed.messages", "{message}", "Messages handled and completed.");

    public static readonly Counter<long> Retried = Meter.CreateCounter<long>(
        "ecommerce.messaging.retries", "{message}", "Handler failures scheduled for redelivery.");

    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "ecommerce.messaging.dead_letters", "{message}", "Messages moved to the dead-letter store after their last delivery failed.");

    public static readonly Counter<long> DuplicatesDropped = Meter.CreateCounter<long>(
        "ecommerce.messaging.inbox.duplicates", "{message}", "Deliveries the inbox recognised as already handled and dropped.");

    public static readonly Histogram<int> InboxBatchSize = Meter.CreateHistogram<int>(
        "ecommerce.messaging.inbox.batch.size", "{message}", "Messages handled together in one group-commit transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    public static readonly Counter<long> InboxBatchFallbacks = Meter.CreateCounter<long>(
        "ecommerce.messaging.inbox.batch.fallbacks", "{batch}",
        "Group-commit transactions given up (a handler threw, a deadlock, a failed commit) whose messages were handled again one by one.");

    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "ecommerce.messaging.latency", "ms", "From the event occurring (outbox write) to its handler finishing.");

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("ecommerce.outbox.pending", () => Observe(Outboxes, b => b.Count, "service.name"),
            "{message}", "Outbox rows written and not yet sent to the broker.");
        Meter.CreateObservableGauge("ecommerce.outbox.age", () => Observe(Outboxes, b => b.OldestAgeSeconds, "service.name"),
            "s", "Age of the oldest unsent outbox row (0 when none): the dispatcher falling behind or the broker down.");
        Meter.CreateObservableGauge("ecommerce.messaging.consumer.lag", () => Observe(Subscriptions, b => b.OldestAgeSeconds, "messaging.consumer.group.name"),
            "s", "Age of the oldest message ready for this subscription and not yet handled.");
        Meter.CreateObservableGauge("ecommerce.messaging.consumer.backlog", () => Observe(Subscriptions, b => b.Count, "messaging.consumer.group.name"),
            "{message}", "Messages ready for this subscription and not yet handled.");
    }

    /// <summary>What the outbox of <paramref name="service"/> holds unsent (sampled by its dispatcher).</summary>
    public static void RecordOutbox(string service, long pending, double oldestAgeSeconds) =>
        Outboxes[service] = new Backlog(pending, oldestAgeSeconds);

    /// <summary>What a subscription has waiting (sampled by its consumer).</summary>
    public static void RecordSubscription(string subscription, long ready, double oldestAgeSeconds) =>
        Subscriptions[subscription] = new Backlog(ready, oldestAgeSeconds);

    private static IEnumerable<Measurement<double>> Observe(
        ConcurrentDictionary<string, Backlog> source, Func<Backlog, double> value, string tag) =>
        source.Select(pair => new Measurement<double>(value(pair.Value), new KeyValuePair<string, object?>(tag, pair.Key)));

    private readonly record struct Backlog(long Count, double OldestAgeSeconds);
}
