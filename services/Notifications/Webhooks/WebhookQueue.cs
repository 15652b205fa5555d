using System.Text.Json;
using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Webhooks;

/// <summary>
/// Queues an event for every endpoint registered for its type, in the handler's (inbox) transaction: one delivery per
/// event and endpoint. Only order, payment and return events are offered; account events (reset links) never are.
/// </summary>
public sealed class WebhookQueue(NotificationsDbContext db, TimeProvider clock)
{
    public static readonly string[] EventTypes =
    [
        "OrderPaid", "PaymentFailed", "OrderShipped", "OrderDelivered", "PaymentRefunded",
        "ReturnRequested", "ReturnApproved", "ReturnRejected", "ReturnReceived",
    ];

    public async Task EnqueueAsync<TEvent>(TEvent @event, CancellationToken cancellationToken) where TEvent : IntegrationEvent
    {
        var type = MessageNames.OfEvent(typeof(TEvent));
        var endpoints = await db.WebhookEndpoints.Where(e => e.EventTypes.Contains(type)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (endpoints.Count == 0)
        {
            return;
        }

        var payload = JsonSerializer.Serialize(new { id = @event.Id, type, occurredAt = @event.OccurredAt, data = @event }, JsonSerializerOptions.Web);
        var now = clock.GetUtcNow();
        foreach (var endpoint in endpoints)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(),
                EndpointId = endpoint,
                EventId = @event.Id,
                EventType = type,
                Payload = payload,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
