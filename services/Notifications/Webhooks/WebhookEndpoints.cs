using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Webhooks;

/// <summary>Register a receiver: its URL and the event types it wants (<see cref="WebhookQueue.EventTypes"/>).</summary>
public sealed record RegisterWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes);

/// <summary>A registered receiver; <c>Secret</c> is given once, in the answer to the registration, and never again.</summary>
public sealed record WebhookEndpointResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, DateTimeOffset CreatedAt, string? Secret = null);

public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, int? LastLatencyMs,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt);

/// <summary>
/// The back office's webhooks: the event types offered, register, list, delete endpoints; list an endpoint's deliveries;
/// redeliver one by hand.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/notifications/admin/webhooks").WithTags("Webhooks").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapPost("/", Register);
        admin.MapGet("/", List);
        admin.MapGet("/event-types", () => TypedResults.Ok(WebhookQueue.EventTypes));
        admin.MapDelete("/{id:guid}", Delete);
        admin.MapGet("/{id:guid}/deliveries", Deliveries);
        admin.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver);
        return routes;
    }

    private static async Task<Results<Created<WebhookEndpointResponse>, ValidationProblem>> Register(
        RegisterWebhookRequest request, NotificationsDbContext db, WebhookAddressGuard guard, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var url = errors.Text("url", request.Url, 2000, required: true);
        Uri? uri = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            errors.Add("url", "An absolute http(s) URL is required.");
        }
        else if (uri is not null && await guard.CheckAsync(uri, cancellationToken) is { } refused)
        {
            errors.Add("url", refused);
        }

        var types = request.EventTypes?.Where(t => t is not null).Distinct(StringComparer.Ordinal).ToList() ?? [];
        errors.Check(types.Count > 0, "eventTypes", "Name at least one event type.");
        errors.Check(types.All(t => WebhookQueue.EventTypes.Contains(t)), "eventTypes", $"Known event types: {string.Join(", ", WebhookQueue.EventTypes)}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(),
            Url = uri!.ToString(),
            EventTypes = types,
            Secret = WebhookSignature.NewSecret(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/admin/webhooks/{endpoint.Id}",
            new WebhookEndpointResponse(endpoint.Id, endpoint.Url, endpoint.EventTypes, endpoint.CreatedAt, endpoint.Secret));
    }

    private static async Task<Ok<List<WebhookEndpointResponse>>> List(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(endpoints.Select(e => new WebhookEndpointResponse(e.Id, e.Url, e.EventTypes, e.CreatedAt)).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    /// <summary>The endpoint's latest deliveries, newest first (at most 100).</summary>
    private static async Task<Results<Ok<List<WebhookDeliveryResponse>>, NotFound>> Deliveries(Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(d => new WebhookDeliveryResponse(
            d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastLatencyMs, d.LastError, d.CreatedAt, d.DeliveredAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null)).ToList());
    }

    /// <summary>Sends a delivery again now, whatever its state: a new retry window starts (same payload, a fresh signature).</summary>
    private static async Task<Results<Accepted, NotFound>> Redeliver(Guid id, Guid deliveryId, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.EndpointId == id).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, WebhookDeliveryStatus.Pending)
            .SetProperty(x => x.NextAttemptAt, now)
            .SetProperty(x => x.CreatedAt, now), cancellationToken);
        return updated == 0 ? TypedResults.NotFound() : TypedResults.Accepted($"/api/notifications/admin/webhooks/{id}/deliveries");
    }
}
