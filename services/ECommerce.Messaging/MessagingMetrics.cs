using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ECommerce.Messaging;

/// <summary>The messaging meter and activity source ("ECommerce.Messaging"), collected by ServiceDefaults.</summary>
public static class MessagingMetrics
{
    public const string Name = "ECommerce.Messaging";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("messaging.published", "{message}", "Messages sent to the broker by the outbox.");

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("messaging.delivered", "{message}", "Messages handled and completed.");

    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("messaging.retried", "{message}", "Handler failures scheduled for redelivery.");

    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("messaging.dead_lettered", "{message}", "Messages moved to the dead-letter store.");

    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("messaging.latency", "ms", "From the event occurring (outbox write) to its handler finishing.");
}
