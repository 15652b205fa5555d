using System.Text.Json;
using ECommerce.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging;

/// <summary>How a service publishes: the event goes into its own outbox table, in the same transaction as the change.</summary>
public static class OutboxPublishing
{
    /// <summary>Adds the event to the outbox; it is committed by the caller's next SaveChanges, with the change that raised it.</summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent @event)
    {
        var name = MessageNames.OfEvent(@event.GetType());
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = @event.Id,
            Topic = name,
            Type = name,
            Body = WireFormat.Body(@event),
            Headers = JsonSerializer.Serialize(WireFormat.Headers(@event)),
            OccurredAt = @event.OccurredAt,
        });
    }
}
