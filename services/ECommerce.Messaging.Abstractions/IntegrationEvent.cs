namespace ECommerce.Messaging;

/// <summary>
/// A fact one service tells the others, named in the past tense. Its <see cref="EventNameAttribute"/> is its name on
/// the wire; consumers ignore fields they do not know, so a newer publisher never breaks an older consumer.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Raised when a field changes meaning or is removed; adding a field does not need it.</summary>
    public virtual int SchemaVersion { get; init; } = 1;
}

/// <summary>
/// Handles one event type inside the consuming service's transaction (see <see cref="MessagingBuilder{TDbContext}"/>);
/// its <see cref="HandlerNameAttribute"/> keys the inbox rows that make a redelivery a no-op.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}
