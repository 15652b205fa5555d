using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging.Inbox;

/// <summary>A delivered message ready for its handler: the registration, the event, and its process span.</summary>
internal sealed record InboxItem(Guid MessageId, HandlerRegistration Registration, IntegrationEvent Event, Activity? Activity);

/// <summary>
/// Group commit for the inbox (<c>Messaging:InboxBatchSize</c> &gt; 1): messages handed over while a transaction is
/// in flight are handled together in the next one — one statement inserts their inbox rows, the handlers run one
/// after another on one DbContext, each under its own message's span (events a context owes until it is saved are
/// taken into the outbox there, see <see cref="IOwesIntegrationEvents"/>), then one SaveChanges and one commit. The
/// per-message cost of a transaction (its round trips, its commit, a scope and a DbContext) is paid once per batch.
/// Exactly-once effect is unchanged: a message whose inbox row already exists (or that appears twice in one batch) is
/// a duplicate. If anything fails — a handler throws, SaveChanges or the commit fails — nothing of the batch is kept
/// and every message of it is handled again alone, so only the failing one fails (and is retried by the transport)
/// while the others commit.
/// </summary>
internal sealed class InboxBatcher<TDbContext>(
    IServiceScopeFactory scopes,
    string subscription,
    int batchSize,
    Func<InboxItem, CancellationToken, Task<bool>> handleAlone,
    ILogger logger) : IAsyncDisposable where TDbContext : DbContext
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _loop;
    private int _disposed;
    private readonly KeyValuePair<string, object?> _subscriptionTag = new("messaging.consumer.group.name", subscription);

    /// <summary>Queues the message for the next batch; true when its handler ran, false when it was a duplicate.</summary>
    public Task<bool> HandleAsync(InboxItem item, CancellationToken cancellationToken)
    {
        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }

        var pending = new Pending(item, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        while (_queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var batch = new List<Pending>(batchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token))
            {
                batch.Clear();
                while (batch.Count < batchSize && _queue.Reader.TryRead(out var pending))
                {
                    if (pending.Token.IsCancellationRequested)
                    {
                        pending.Done.TrySetCanceled(pending.Token); // the consumer stopped: its lease expires and it is redelivered
                    }
                    else
                    {
                        batch.Add(pending);
                    }
                }

                await RunBatchAsync(batch, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            batch.ForEach(p => p.Done.TrySetCanceled()); // stopping: their leases expire and they are redelivered
        }
    }

    private async Task RunBatchAsync(List<Pending> batch, CancellationToken token)
    {
        if (batch.Count == 0)
        {
            return;
        }

        MessagingMetrics.InboxBatchSize.Record(batch.Count, _subscriptionTag);
        if (batch.Count > 1)
        {
            try
            {
                var handled = await HandleTogetherAsync(batch, token);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(handled[i]);
                }

                return;
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                // Nothing of the batch was kept; alone, only the failing message fails.
                logger.LogDebug(e, "An inbox batch of {Count} failed; handling its messages one by one", batch.Count);
                MessagingMetrics.InboxBatchFallbacks.Add(1, _subscriptionTag, new KeyValuePair<string, object?>("error.type", ErrorType(e)));
            }
        }

        await Task.WhenAll(batch.Select(async pending =>
        {
            // This loop runs in the context of whichever message started it: each message alone is handled, like in a
            // batch, under its own process span, so its logs, spans and the events it writes stay in its trace.
            Activity.Current = pending.Item.Activity;
            try
            {
                pending.Done.TrySetResult(await handleAlone(pending.Item, pending.Token));
            }
            catch (OperationCanceledException) when (pending.Token.IsCancellationRequested)
            {
                pending.Done.TrySetCanceled(pending.Token);
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
            }
        }));
    }

    /// <summary>One transaction for the batch; returns, per message, whether its handler ran (false: a duplicate).</summary>
    private async Task<bool[]> HandleTogetherAsync(List<Pending> batch, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource([token, .. batch.Select(p => p.Token).Distinct()]);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var inserted = await InsertInboxRowsAsync(db, transaction, batch, ct);
            var handled = new bool[batch.Count];
            var seen = new HashSet<(Guid, string)>();
            var outer = Activity.Current;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var item = batch[i].Item;
                    // The first of a message's copies in this batch runs; a copy whose row existed before is a duplicate.
                    var key = (item.MessageId, item.Registration.HandlerName);
                    if (!seen.Add(key) || !inserted.Contains(key))
                    {
                        continue;
                    }

                    Activity.Current = item.Activity; // the handler's logs and spans belong to its message's trace
                    await item.Registration.Invoke(scope.ServiceProvider, item.Event, ct);
                    // Events the context holds until it is saved (Orders' owed events) go to the outbox now, under
                    // this message's span: added during the one SaveChanges below, they would all take the last trace.
                    (db as IOwesIntegrationEvents)?.TakeOwedEvents();
                    handled[i] = true;
                }
            }
            finally
            {
                Activity.Current = outer;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return handled;
        }, cancel.Token);
    }

    /// <summary>One statement for the batch's inbox rows; returns the keys that were new.</summary>
    private static async Task<HashSet<(Guid, string)>> InsertInboxRowsAsync(
        TDbContext db, IDbContextTransaction transaction, List<Pending> batch, CancellationToken ct)
    {
        // A row a concurrent transaction has inserted but not committed makes this wait, then conflict: exactly one wins.
        await using var command = new NpgsqlCommand("""
            INSERT INTO inbox (message_id, handler, handled_at)
            SELECT m.message_id, m.handler, now() FROM unnest(@ids, @handlers) AS m(message_id, handler)
            ON CONFLICT DO NOTHING
            RETURNING message_id, handler
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("ids", batch.Select(p => p.Item.MessageId).ToArray());
        command.Parameters.AddWithValue("handlers", batch.Select(p => p.Item.Registration.HandlerName).ToArray());
        var inserted = new HashSet<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return inserted;
    }

    /// <summary>PostgreSQL's error code where there is one (40P01 a deadlock, 23505 a unique violation), else the exception's type.</summary>
    private static string ErrorType(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState ?? e.GetType().Name;

    private sealed record Pending(InboxItem Item, TaskCompletionSource<bool> Done, CancellationToken Token);
}
