namespace ECommerce.Messaging;

/// <summary>
/// A DbContext that holds events its entities owe until it is saved (Orders' order moves) and then adds them to its
/// outbox. An event takes the trace that is current when it is added, so whoever saves several units of work at once —
/// the inbox's group commit — calls <see cref="TakeOwedEvents"/> after each one, under that unit's own trace.
/// </summary>
public interface IOwesIntegrationEvents
{
    /// <summary>Adds the events owed so far to the outbox (<see cref="OutboxPublishing.AddIntegrationEvent"/>).</summary>
    void TakeOwedEvents();
}
