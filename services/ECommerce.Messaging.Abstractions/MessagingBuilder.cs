using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging;

/// <summary>A registered handler: the event type it takes, its stable name, and how to call it from a DI scope.</summary>
/// <param name="EventName">The event's stable name: the topic this handler consumes.</param>
/// <param name="HandlerName">The handler's stable name: the key of its inbox rows.</param>
/// <param name="HandledAlone">Never grouped with other messages in one transaction (<see cref="HandledAloneAttribute"/>).</param>
public sealed record HandlerRegistration(
    Type EventType,
    string EventName,
    Type HandlerType,
    string HandlerName,
    Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Invoke,
    bool HandledAlone = false);

/// <summary>What a service consumes: <c>m.Subscribe&lt;OrderPlaced, OrderPlacedHandler&gt;()</c>.</summary>
public sealed class MessagingBuilder<TDbContext>(IServiceCollection services) where TDbContext : DbContext
{
    private readonly List<HandlerRegistration> _registrations = [];

    public IServiceCollection Services { get; } = services;

    /// <summary>What has been subscribed so far.</summary>
    public IReadOnlyList<HandlerRegistration> Registrations => _registrations;

    public MessagingBuilder<TDbContext> Subscribe<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        // Read the names now: a type without one fails the service's start, not its first message.
        var registration = new HandlerRegistration(
            typeof(TEvent),
            MessageNames.OfEvent(typeof(TEvent)),
            typeof(THandler),
            MessageNames.OfHandler(typeof(THandler)),
            (sp, @event, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)@event, ct),
            Attribute.IsDefined(typeof(THandler), typeof(HandledAloneAttribute), inherit: false));
        _registrations.Add(registration);
        Services.AddScoped<THandler>();
        Services.AddSingleton(registration);
        return this;
    }

    /// <summary>Fails when two subscribed events, or two handlers, share a name.</summary>
    public void Validate()
    {
        MessageNames.EnsureUnique(_registrations.Select(r => r.EventType), MessageNames.OfEvent, "event");
        MessageNames.EnsureUnique(_registrations.Select(r => r.HandlerType), MessageNames.OfHandler, "handler");
        var twice = _registrations.GroupBy(r => r.EventName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            // The subscription host dispatches one handler per event type.
            throw new InvalidOperationException($"More than one handler subscribes to {string.Join(", ", twice)}; a service has one handler per event.");
        }
    }
}
