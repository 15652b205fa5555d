using ECommerce.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Messaging;

/// <summary>What a service consumes: <c>m.Subscribe&lt;OrderPlaced, OrderPlacedHandler&gt;()</c>.</summary>
public sealed class MessagingBuilder<TDbContext>(IServiceCollection services) where TDbContext : DbContext
{
    public IServiceCollection Services { get; } = services;

    public MessagingBuilder<TDbContext> Subscribe<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        Services.AddScoped<THandler>();
        Services.AddSingleton(new HandlerRegistration(
            typeof(TEvent),
            typeof(THandler).Name,
            (sp, @event, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)@event, ct)));
        return this;
    }
}
