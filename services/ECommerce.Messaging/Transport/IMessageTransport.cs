namespace ECommerce.Messaging.Transport;

/// <summary>
/// The one small interface both brokers implement: publish to a topic (the event type's name), and consume a named
/// subscription with a handler. A handler that returns completes the message; one that throws has it redelivered
/// with backoff until <see cref="SubscriptionSettings.MaxDeliveryCount"/>, then dead-lettered.
/// </summary>
public interface IMessageTransport : IAsyncDisposable
{
    /// <summary>Creates what the subscriptions need (idempotent; safe when several instances start at once).</summary>
    Task EnsureTopologyAsync(IReadOnlyCollection<SubscriptionBinding> bindings, CancellationToken cancellationToken);

    /// <summary>Fails when the broker cannot be reached (the health check).</summary>
    Task PingAsync(CancellationToken cancellationToken);

    Task PublishAsync(string topic, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken);

    /// <summary>Starts consuming; disposing the returned handle stops it (messages in flight are redelivered later).</summary>
    Task<IAsyncDisposable> SubscribeAsync(
        SubscriptionSettings settings,
        Func<ReceivedMessage, CancellationToken, Task> handler,
        CancellationToken cancellationToken);

    /// <summary>Dead-lettered messages of a subscription, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string subscription, int limit, CancellationToken cancellationToken);

    /// <summary>Puts a subscription's dead letters back on its queue with a fresh delivery count; returns how many.</summary>
    Task<int> ReplayDeadLettersAsync(string subscription, CancellationToken cancellationToken);
}

/// <summary>A subscription listening to a topic.</summary>
public sealed record SubscriptionBinding(string Topic, string Subscription);

/// <summary>How a subscription is consumed.</summary>
public sealed record SubscriptionSettings(string Subscription, IReadOnlyCollection<string> Topics)
{
    public int MaxDeliveryCount { get; init; } = 10;

    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How long a delivered message stays invisible to other consumers before it is redelivered.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan DelayFor(int deliveryCount)
    {
        var delay = RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, deliveryCount - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}

/// <summary>A message that exhausted its deliveries, with the last error.</summary>
public sealed record DeadLetter(TransportMessage Message, string Subscription, int DeliveryCount, string? LastError, DateTimeOffset DeadLetteredAt);
