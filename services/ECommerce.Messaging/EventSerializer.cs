using System.Text.Json;
using ECommerce.Messaging.Transport;

namespace ECommerce.Messaging;

/// <summary>Turns events into transport messages and back, in the <see cref="WireFormat"/> the outbox writes.</summary>
public static class EventSerializer
{
    public static JsonSerializerOptions Options => WireFormat.Json;

    /// <summary>The event's stable name (its <see cref="EventNameAttribute"/>): topic and <c>type</c> header.</summary>
    public static string TopicOf(Type eventType) => MessageNames.OfEvent(eventType);

    public static TransportMessage Serialize(IntegrationEvent @event) =>
        new(@event.Id, TopicOf(@event.GetType()), WireFormat.Body(@event), WireFormat.Headers(@event), @event.OccurredAt);

    public static IntegrationEvent Deserialize(TransportMessage message, Type eventType) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(message.Body, eventType, Options)
            ?? throw new JsonException($"Message {message.MessageId} has an empty body."));
}
