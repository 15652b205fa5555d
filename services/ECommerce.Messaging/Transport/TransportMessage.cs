namespace ECommerce.Messaging.Transport;

/// <summary>A message as transports carry it: id, event type, JSON body and string headers (trace context among them).</summary>
public sealed record TransportMessage(
    Guid MessageId,
    string Type,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset OccurredAt);

/// <summary>A delivered message, with how many times it has been delivered (1 on the first try).</summary>
public sealed record ReceivedMessage(TransportMessage Message, string Topic, string Subscription, int DeliveryCount);

/// <summary>Header names shared by every transport.</summary>
public static class MessageHeaders
{
    public const string Type = WireFormat.TypeHeader;
    public const string SchemaVersion = WireFormat.SchemaVersionHeader;
    public const string TraceParent = WireFormat.TraceParentHeader;
    public const string TraceState = WireFormat.TraceStateHeader;
}
