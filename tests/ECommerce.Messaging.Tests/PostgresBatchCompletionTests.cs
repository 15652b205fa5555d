using System.Collections.Concurrent;
using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;
using Npgsql;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// The PostgreSQL consumer completes a leased batch in one statement, each row guarded by the delivery count it was
/// leased with: a partly failed batch must complete exactly the rows whose handlers succeeded under a lease still held.
/// While a full lease is handled it takes the next one, and gives that back if it stops first.
/// </summary>
public sealed class PostgresBatchCompletionTests : IAsyncLifetime
{
    private readonly string _topic = "T" + Guid.NewGuid().ToString("N")[..12];
    private string _database = "";
    private PostgresTransport _transport = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("messaging");
        _transport = new PostgresTransport(_database);
    }

    public async ValueTask DisposeAsync() => await _transport.DisposeAsync();

    [Fact]
    public async Task A_batch_completes_its_handled_rows_and_not_a_row_whose_lease_was_lost_or_whose_handler_failed()
    {
        var messages = Enumerable.Range(0, 10).Select(i => new TransportMessage(Guid.CreateVersion7(), "TestEvent", $$"""{"n":{{i}}}""",
            new Dictionary<string, string> { ["type"] = "TestEvent" }, DateTimeOffset.UtcNow)).ToArray();
        var (leaseLost, failsOnce) = (messages[3].MessageId, messages[7].MessageId);
        var deliveries = new ConcurrentDictionary<Guid, int>();
        await _transport.EnsureTopologyAsync([new SubscriptionBinding(_topic, "batch")], Ct);
        await _transport.PublishAsync(_topic, messages, Ct);

        // One lease takes all ten. Message 3's lease is lost while its handler runs (another consumer leased the row
        // after the visibility timeout: its delivery count moved on); message 7's handler throws the first time.
        await using var subscription = await _transport.SubscribeAsync(new SubscriptionSettings("batch", [_topic])
        {
            MaxConcurrency = 10,
            RetryDelay = TimeSpan.FromMilliseconds(100),
        }, async (received, ct) =>
        {
            var attempt = deliveries.AddOrUpdate(received.Message.MessageId, 1, (_, n) => n + 1);
            if (received.Message.MessageId == leaseLost)
            {
                await ExecuteAsync("UPDATE messaging.queue SET delivery_count = delivery_count + 1 WHERE message_id = @id", leaseLost);
            }
            else if (received.Message.MessageId == failsOnce && attempt == 1)
            {
                throw new InvalidOperationException("fails once");
            }
        }, Ct);

        await Collector.WaitUntilAsync(() => deliveries.GetValueOrDefault(failsOnce) == 2 && deliveries.Count == 10, TimeSpan.FromSeconds(30), "the batch and the retry");
        var queued = await QueuedAsync();
        for (var waited = 0; queued.Count > 1 && waited < 100; waited++)
        {
            await Task.Delay(100, Ct); // the retry's completion follows its handler
            queued = await QueuedAsync();
        }

        // Only the row whose lease was lost is left, for its new holder; every other message was handled once (7 twice).
        var (id, deliveryCount) = Assert.Single(queued);
        Assert.Equal((leaseLost, 2), (id, deliveryCount));
        Assert.All(deliveries.Where(d => d.Key != failsOnce), d => Assert.Equal(1, d.Value));
    }

    [Fact]
    public async Task A_backlog_is_leased_ahead_and_a_stopping_consumer_gives_back_the_lease_it_had_not_started()
    {
        var messages = Enumerable.Range(0, 20).Select(i => new TransportMessage(Guid.CreateVersion7(), "TestEvent", $$"""{"n":{{i}}}""",
            new Dictionary<string, string> { ["type"] = "TestEvent" }, DateTimeOffset.UtcNow)).ToArray();
        await _transport.EnsureTopologyAsync([new SubscriptionBinding(_topic, "ahead")], Ct);
        await _transport.PublishAsync(_topic, messages, Ct);

        // The first five handlers hang until the consumer stops: meanwhile it must have leased the next five.
        var started = 0;
        var subscription = await _transport.SubscribeAsync(new SubscriptionSettings("ahead", [_topic]) { MaxConcurrency = 5 },
            async (_, ct) =>
            {
                Interlocked.Increment(ref started);
                await Task.Delay(Timeout.Infinite, ct);
            }, Ct);
        await Collector.WaitUntilAsync(() => Volatile.Read(ref started) == 5, TimeSpan.FromSeconds(30), "the first lease's handlers");
        for (var waited = 0; await CountAsync("delivery_count = 1") < 10 && waited < 100; waited++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(10, await CountAsync("delivery_count = 1"));
        await subscription.DisposeAsync();

        // The five whose handlers ran keep their lease (redelivered when it expires); the five leased ahead are back
        // at once, their delivery not counted; nothing was completed and no handler ran more than five times.
        Assert.Equal(5, started);
        Assert.Equal(20, await CountAsync("true"));
        Assert.Equal(5, await CountAsync("delivery_count = 1 AND visible_at > now()"));
        Assert.Equal(15, await CountAsync("delivery_count = 0 AND visible_at <= now()"));
    }

    private async Task<long> CountAsync(string condition)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM messaging.queue WHERE subscription = 'ahead' AND {condition}", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<List<(Guid Id, int DeliveryCount)>> QueuedAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT message_id, delivery_count FROM messaging.queue WHERE subscription = 'batch'", connection);
        var rows = new List<(Guid, int)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }

        return rows;
    }
}
