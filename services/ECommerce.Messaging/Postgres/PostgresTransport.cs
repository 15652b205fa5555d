using System.Text.Json;
using ECommerce.Messaging.Transport;
using ECommerce.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Messaging.Postgres;

/// <summary>
/// Queues in PostgreSQL for local runs and tests: competing consumers lease rows with <c>FOR UPDATE SKIP LOCKED</c>
/// by pushing their visibility into the future (so no transaction is held while a handler runs), LISTEN/NOTIFY wakes
/// consumers the moment a message lands, a lease that is not completed in time is redelivered, and a message that
/// fails <c>MaxDeliveryCount</c> times moves to <c>messaging.dead_letters</c> with its last error.
/// </summary>
public sealed class PostgresTransport : IMessageTransport
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly PostgresNotificationListener _listener;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;

    public PostgresTransport(string connectionString, ILogger<PostgresTransport>? logger = null)
    {
        _dataSource = NpgsqlDataSource.Create(ForPooledUse(connectionString));
        _logger = logger ?? NullLogger<PostgresTransport>.Instance;
        _listener = new PostgresNotificationListener(connectionString, PostgresSchema.NotifyChannel, _logger);
    }

    /// <summary>
    /// The lease, publish and completion statements run thousands of times on each pooled connection: Npgsql prepares
    /// them after their fifth run, so PostgreSQL parses and plans each once per connection instead of once per batch
    /// (as the services' databases do, ServiceDefaults' PooledConnections). Nor is a connection reset when it goes back to
    /// the pool (seven statements before its next use, since prepared statements rule out <c>DISCARD ALL</c>): the
    /// transport's pooled connections change no session state (its <c>LISTEN</c> is on a connection of its own, outside
    /// this pool). A connection string's own setting of either wins.
    /// </summary>
    private static string ForPooledUse(string connectionString) => PoolSettings.WithDefaults(connectionString, preparedPerConnection: 20);

    public async Task EnsureTopologyAsync(IReadOnlyCollection<SubscriptionBinding> bindings, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var binding in bindings)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO messaging.bindings (topic, subscription) VALUES (@topic, @subscription) ON CONFLICT DO NOTHING", connection);
            command.Parameters.AddWithValue("topic", binding.Topic);
            command.Parameters.AddWithValue("subscription", binding.Subscription);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task PublishAsync(string topic, IReadOnlyList<TransportMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One statement (atomic on its own: no BEGIN/COMMIT round trip) fans the batch out to every subscription bound
        // to the topic and wakes their consumers, whose notifications are delivered when it commits.
        await using var command = new NpgsqlCommand("""
            WITH batch AS (
                SELECT * FROM unnest(@ids, @types, @bodies, @headers, @occurred) AS m(message_id, type, body, headers, occurred_at)),
            inserted AS (
                INSERT INTO messaging.queue (subscription, topic, message_id, type, body, headers, occurred_at)
                SELECT b.subscription, @topic, m.message_id, m.type, m.body, m.headers, m.occurred_at
                FROM batch m CROSS JOIN messaging.bindings b WHERE b.topic = @topic
                RETURNING subscription)
            SELECT pg_notify(@channel, s.subscription) FROM (SELECT DISTINCT subscription FROM inserted) s
            """, connection);
        command.Parameters.AddWithValue("topic", topic);
        command.Parameters.AddWithValue("channel", PostgresSchema.NotifyChannel);
        command.Parameters.AddWithValue("ids", messages.Select(m => m.MessageId).ToArray());
        command.Parameters.AddWithValue("types", messages.Select(m => m.Type).ToArray());
        command.Parameters.AddWithValue("bodies", messages.Select(m => m.Body).ToArray());
        command.Parameters.Add(new NpgsqlParameter("headers", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            Value = messages.Select(m => JsonSerializer.Serialize(m.Headers)).ToArray(),
        });
        command.Parameters.AddWithValue("occurred", messages.Select(m => m.OccurredAt).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(
        SubscriptionSettings settings, Func<ReceivedMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        await EnsureTopologyAsync([.. settings.Topics.Select(t => new SubscriptionBinding(t, settings.Subscription))], cancellationToken);
        await _listener.StartAsync(cancellationToken);
        var consumer = new PostgresConsumer(_dataSource, settings, handler, _listener.Register(settings.Subscription), PollInterval, _logger);
        consumer.Start();
        return consumer;
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(string subscription, int limit, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT message_id, type, body, headers::text, occurred_at, subscription, delivery_count, last_error, dead_lettered_at
            FROM messaging.dead_letters WHERE subscription = @subscription ORDER BY id DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("subscription", subscription);
        command.Parameters.AddWithValue("limit", limit);
        var result = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new TransportMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [], reader.GetFieldValue<DateTimeOffset>(4));
            result.Add(new DeadLetter(message, reader.GetString(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return result;
    }

    public async Task<int> ReplayDeadLettersAsync(string subscription, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH moved AS (
                DELETE FROM messaging.dead_letters WHERE subscription = @subscription
                RETURNING subscription, topic, message_id, type, body, headers, occurred_at),
            requeued AS (
                INSERT INTO messaging.queue (subscription, topic, message_id, type, body, headers, occurred_at)
                SELECT subscription, topic, message_id, type, body, headers, occurred_at FROM moved RETURNING 1)
            SELECT count(*)::int FROM requeued
            """, connection);
        command.Parameters.AddWithValue("subscription", subscription);
        var replayed = (int)(await command.ExecuteScalarAsync(cancellationToken) ?? 0);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @subscription)", connection);
        notify.Parameters.AddWithValue("channel", PostgresSchema.NotifyChannel);
        notify.Parameters.AddWithValue("subscription", subscription);
        await notify.ExecuteNonQueryAsync(cancellationToken);
        return replayed;
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _dataSource.DisposeAsync();
        _schemaLock.Dispose();
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await PostgresSchema.EnsureAsync(_dataSource, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
