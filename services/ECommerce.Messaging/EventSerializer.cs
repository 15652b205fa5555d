using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ECommerce.Messaging.Transport;

namespace ECommerce.Messaging;

/// <summary>JSON on the wire (web defaults), the event's type name and schema version in headers, trace context alongside.</summary>
public static class EventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TopicOf(Type eventType) => eventType.Name;

    public static TransportMessage Serialize(IntegrationEvent @event)
    {
        var headers = new Dictionary<string, string>
        {
            [MessageHeaders.Type] = TopicOf(@event.GetType()),
            [MessageHeaders.SchemaVersion] = @event.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (Activity.Current is { } activity)
        {
            headers[MessageHeaders.TraceParent] = activity.Id!;
            if (activity.TraceStateString is { } state)
            {
                headers[MessageHeaders.TraceState] = state;
            }
        }

        return new TransportMessage(@event.Id, TopicOf(@event.GetType()), JsonSerializer.Serialize(@event, @event.GetType(), Options),
            headers, @event.OccurredAt);
    }

    public static IntegrationEvent Deserialize(TransportMessage message, Type eventType) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(message.Body, eventType, Options)
            ?? throw new JsonException($"Message {message.MessageId} has an empty body."));
}
