using ECommerce.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Messaging.Inbox;

/// <summary>
/// Consumes this service's subscription and runs each message's handler inside one transaction with its inbox row:
/// the handler's changes (and any events it publishes through the outbox) commit together with the record that the
/// message was handled, so a redelivered or duplicated message has no second effect.
/// </summary>
public sealed class SubscriptionHost<TDbContext>(
    IServiceScopeFactory scopes,
    IMessageTransport transport,
    IEnumerable<HandlerRegistration> registrations,
    IOptions<MessagingOptions> options,
    ILogger<SubscriptionHost<TDbContext>> logger) : IHostedService, IAsyncDisposable where TDbContext : DbContext
{
    private readonly Dictionary<string, HandlerRegistration> _handlers =
        registrations.ToDictionary(r => r.EventName);

    private IAsyncDisposable? _subscription;
    private InboxBatcher<TDbContext>? _batcher;
    private readonly Lock _batcherLock = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_handlers.Count == 0)
        {
            return;
        }

        var o = options.Value;
        var settings = new SubscriptionSettings(o.Subscription, _handlers.Keys.ToArray())
        {
            MaxDeliveryCount = o.MaxDeliveryCount,
            MaxConcurrency = o.MaxConcurrency,
            VisibilityTimeout = o.VisibilityTimeout,
            RetryDelay = o.RetryDelay,
        };
        _subscription = await transport.SubscribeAsync(settings, HandleAsync, cancellationToken);
        logger.LogInformation("Consuming {Topics} on subscription {Subscription}", string.Join(", ", _handlers.Keys), o.Subscription);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop can run twice at once (the host's stop, then the container's dispose while the first is still under
        // way): each piece is taken by exactly one of them.
        if (Interlocked.Exchange(ref _subscription, null) is { } subscription)
        {
            await subscription.DisposeAsync();
        }

        InboxBatcher<TDbContext>? batcher;
        lock (_batcherLock)
        {
            (batcher, _batcher) = (_batcher, null);
        }

        if (batcher is not null)
        {
            await batcher.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>Handles one delivered message (public so tests can drive a duplicate delivery directly).</summary>
    public async Task HandleAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        var message = received.Message;
        if (!_handlers.TryGetValue(message.Type, out var registration))
        {
            throw new InvalidOperationException($"No handler for {message.Type} on {received.Subscription}.");
        }

        using var activity = MessageTracing.StartProcess(received);

        var item = new InboxItem(message.MessageId, registration, EventSerializer.Deserialize(message, registration.EventType), activity);
        var handled = options.Value.InboxBatchSize > 1 && !registration.HandledAlone
            ? await Batcher().HandleAsync(item, cancellationToken)
            : await HandleAloneAsync(item, cancellationToken);

        activity?.SetTag("messaging.duplicate", !handled);
        if (!handled)
        {
            MessagingMetrics.DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("messaging.message.type", message.Type));
        }
        MessagingMetrics.Latency.Record((DateTimeOffset.UtcNow - message.OccurredAt).TotalMilliseconds,
            new KeyValuePair<string, object?>("messaging.message.type", message.Type));
    }

    /// <summary>One transaction for one message: its inbox row, its handler's changes, commit.</summary>
    private async Task<bool> HandleAloneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The insert waits on a concurrent duplicate's uncommitted row, then finds the conflict: exactly one wins.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox (message_id, handler, handled_at) VALUES ({item.MessageId}, {item.Registration.HandlerName}, now()) ON CONFLICT DO NOTHING", ct);
            if (inserted == 0)
            {
                await transaction.CommitAsync(ct);
                return false;
            }

            await item.Registration.Invoke(scope.ServiceProvider, item.Event, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private InboxBatcher<TDbContext> Batcher()
    {
        lock (_batcherLock)
        {
            return _batcher ??= new InboxBatcher<TDbContext>(scopes, options.Value.Subscription, options.Value.InboxBatchSize, HandleAloneAsync, logger);
        }
    }
}
