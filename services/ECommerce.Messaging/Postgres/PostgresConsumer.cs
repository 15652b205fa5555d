using System.Globalization;
using System.Text.Json;
using ECommerce.Messaging.Transport;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ECommerce.Messaging.Postgres;

/// <summary>
/// Consumes one subscription: leases up to MaxConcurrency ready rows (SKIP LOCKED, visibility pushed forward), runs
/// the handler for each in parallel, then deletes completed rows, reschedules failed ones with backoff, and moves
/// exhausted ones to the dead-letter table. Completion is guarded by the delivery count, so a consumer whose lease
/// expired cannot complete a row another consumer has since taken. While a full lease is being handled the next one
/// is taken (a backlog keeps the database and the handlers busy at once); a prefetched lease not yet handled is given
/// back on stop.
/// </summary>
internal sealed class PostgresConsumer(
    NpgsqlDataSource dataSource,
    SubscriptionSettings settings,
    Func<ReceivedMessage, CancellationToken, Task> handler,
    SemaphoreSlim wakeUp,
    TimeSpan pollInterval,
    ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private int _disposed;

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        // Both the subscription handle and the transport dispose their consumers; the second call must be a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    /// <summary>How often the subscription's backlog is measured for the consumer lag gauges.</summary>
    private static readonly TimeSpan BacklogSampleInterval = TimeSpan.FromSeconds(10);

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var nextSample = DateTimeOffset.MinValue;
        Task<List<Leased>>? prefetched = null;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextSample)
                {
                    nextSample = DateTimeOffset.UtcNow + BacklogSampleInterval;
                    await SampleBacklogAsync(token);
                }

                var lease = prefetched ?? LeaseAsync(token);
                prefetched = null; // a failed prefetch is awaited (and its error handled) once, not again on every retry
                var leased = await lease;
                if (leased.Count == 0)
                {
                    await wakeUp.WaitAsync(pollInterval, token);
                    continue;
                }

                var processing = Task.WhenAll(leased.Select(m => ProcessAsync(m, token)));
                // A full lease means a backlog: take the next one while these handlers run, so the database's lease
                // and the handlers overlap instead of taking turns (a burst's throughput). At a trickle nothing changes.
                if (leased.Count == settings.MaxConcurrency)
                {
                    prefetched = LeaseAsync(token);
                }

                var outcomes = await processing;
                await CompleteAsync([.. leased.Where((_, i) => outcomes[i])], token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or TimeoutException or InvalidOperationException)
            {
                // The database restarted or a connection dropped: leases we held expire and are redelivered.
                logger.LogWarning(e, "Consumer of {Subscription} lost the database; retrying", settings.Subscription);
                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await ReleaseAsync(prefetched);
    }

    /// <summary>Counts the messages ready for this subscription and the age of the oldest: how far the consumer lags.</summary>
    private async Task SampleBacklogAsync(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var command = new NpgsqlCommand("""
            SELECT count(*)::bigint, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8
            FROM messaging.queue WHERE subscription = @subscription AND visible_at <= now()
            """, connection);
        command.Parameters.AddWithValue("subscription", settings.Subscription);
        await using var reader = await command.ExecuteReaderAsync(token);
        await reader.ReadAsync(token);
        MessagingMetrics.RecordSubscription(settings.Subscription, reader.GetInt64(0), reader.GetDouble(1));
    }

    private async Task<List<Leased>> LeaseAsync(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var command = new NpgsqlCommand("""
            WITH next AS (
                SELECT id FROM messaging.queue
                WHERE subscription = @subscription AND visible_at <= now()
                ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
            UPDATE messaging.queue q
            SET visible_at = now() + @visibility, delivery_count = q.delivery_count + 1
            FROM next WHERE q.id = next.id
            RETURNING q.id, q.topic, q.message_id, q.type, q.body, q.headers::text, q.occurred_at, q.delivery_count
            """, connection);
        command.Parameters.AddWithValue("subscription", settings.Subscription);
        command.Parameters.AddWithValue("limit", settings.MaxConcurrency);
        command.Parameters.AddWithValue("visibility", settings.VisibilityTimeout);
        var leased = new List<Leased>();
        await using var reader = await command.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
        {
            var message = new TransportMessage(reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [], reader.GetFieldValue<DateTimeOffset>(6));
            leased.Add(new Leased(reader.GetInt64(0), new ReceivedMessage(message, reader.GetString(1), settings.Subscription, reader.GetInt32(7))));
        }

        return leased;
    }

    /// <summary>
    /// Stopping with a prefetched lease whose handlers never ran: gives its rows back at once (visible now, the delivery
    /// not counted), so the next consumer need not wait out the visibility timeout for them.
    /// </summary>
    private async Task ReleaseAsync(Task<List<Leased>>? prefetched)
    {
        if (prefetched is null)
        {
            return;
        }

        try
        {
            var leased = await prefetched;
            if (leased.Count == 0)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            await using var release = ForEachLeased(
                "UPDATE messaging.queue SET visible_at = now(), delivery_count = delivery_count - 1 WHERE (id, delivery_count) IN ({0})",
                leased, connection);
            await release.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or NpgsqlException or System.IO.IOException or TimeoutException)
        {
            // The lease expires on its own and the rows are redelivered then.
            logger.LogDebug(e, "Could not give back a prefetched lease of {Subscription}", settings.Subscription);
        }
    }

    /// <summary>Runs the handler; true when the message should be completed.</summary>
    private async Task<bool> ProcessAsync(Leased leased, CancellationToken token)
    {
        try
        {
            await handler(leased.Received, token);
            return true;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return false; // stopping: the lease expires and the message is redelivered to whoever consumes next
        }
        catch (Exception e)
        {
            await FailAsync(leased, e, token);
            return false;
        }
    }

    /// <summary>
    /// A statement over leased rows, each matched by its id and the delivery count it was leased with: <c>{0}</c> in
    /// <paramref name="format"/> becomes <c>($1, $2), ($3, $4), …</c>, one pair per row (<see cref="PaddedList"/>: the
    /// one-array version, <c>unnest(@ids, @counts)</c>, was planned afresh on every batch).
    /// </summary>
    private static NpgsqlCommand ForEachLeased(string format, IReadOnlyList<Leased> leased, NpgsqlConnection connection)
    {
        var rows = PaddedList.Pad(leased).ToList();
        var pairs = string.Join(", ", rows.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(${(2 * i) + 1}, ${(2 * i) + 2})")));
        var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, format, pairs), connection);
        foreach (var row in rows)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Id });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = row.Received.DeliveryCount });
        }

        return command;
    }

    /// <summary>Deletes the batch's completed rows in one statement, each guarded by the delivery count it was leased with.</summary>
    private async Task CompleteAsync(IReadOnlyList<Leased> completed, CancellationToken token)
    {
        if (completed.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var complete = ForEachLeased("DELETE FROM messaging.queue WHERE (id, delivery_count) IN ({0})", completed, connection);
        await complete.ExecuteNonQueryAsync(token);
        MessagingMetrics.Delivered.Add(completed.Count, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
    }

    private async Task FailAsync(Leased leased, Exception error, CancellationToken token)
    {
        var received = leased.Received;
        var lastError = $"{error.GetType().Name}: {error.Message}";
        await using var connection = await dataSource.OpenConnectionAsync(token);
        if (received.DeliveryCount >= settings.MaxDeliveryCount)
        {
            logger.LogError(error, "Dead-lettering {Type} {MessageId} on {Subscription} after {Count} deliveries",
                received.Message.Type, received.Message.MessageId, settings.Subscription, received.DeliveryCount);
            await using var deadLetter = new NpgsqlCommand("""
                WITH moved AS (
                    DELETE FROM messaging.queue WHERE id = @id AND delivery_count = @count
                    RETURNING subscription, topic, message_id, type, body, headers, occurred_at, delivery_count)
                INSERT INTO messaging.dead_letters (subscription, topic, message_id, type, body, headers, occurred_at, delivery_count, last_error)
                SELECT subscription, topic, message_id, type, body, headers, occurred_at, delivery_count, @error FROM moved
                """, connection);
            deadLetter.Parameters.AddWithValue("id", leased.Id);
            deadLetter.Parameters.AddWithValue("count", received.DeliveryCount);
            deadLetter.Parameters.AddWithValue("error", lastError);
            await deadLetter.ExecuteNonQueryAsync(token);
            MessagingMetrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
            return;
        }

        logger.LogWarning(error, "Handler for {Type} {MessageId} on {Subscription} failed (delivery {Count}); retrying",
            received.Message.Type, received.Message.MessageId, settings.Subscription, received.DeliveryCount);
        await using var retry = new NpgsqlCommand("""
            UPDATE messaging.queue SET visible_at = now() + @delay, last_error = @error
            WHERE id = @id AND delivery_count = @count
            """, connection);
        retry.Parameters.AddWithValue("id", leased.Id);
        retry.Parameters.AddWithValue("count", received.DeliveryCount);
        retry.Parameters.AddWithValue("delay", settings.DelayFor(received.DeliveryCount));
        retry.Parameters.AddWithValue("error", lastError);
        await retry.ExecuteNonQueryAsync(token);
        MessagingMetrics.Retried.Add(1, new KeyValuePair<string, object?>("messaging.consumer.group.name", settings.Subscription));
    }

    private sealed record Leased(long Id, ReceivedMessage Received);
}
