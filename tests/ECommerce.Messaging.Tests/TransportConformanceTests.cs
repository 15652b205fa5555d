using System.Collections.Concurrent;
using ECommerce.Messaging.Transport;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// What every transport must do, run against each one available: fan-out, competing consumers without double
/// handling, redelivery, dead-lettering with replay, large batches without loss, and a consumer stopped mid-batch.
/// </summary>
public abstract class TransportConformanceTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _subscriptions = [];

    protected IMessageTransport Transport { get; private set; } = null!;

    /// <summary>Per-test names keep tests independent on a shared broker.</summary>
    protected string Topic { get; } = "T" + Guid.NewGuid().ToString("N")[..12];

    protected virtual int LargeBatchSize => 10_000;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IMessageTransport> CreateTransportAsync();

    public async ValueTask InitializeAsync() => Transport = await CreateTransportAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        if (Transport is not null)
        {
            await Transport.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fan_out_delivers_every_message_to_each_subscription()
    {
        var billing = new Collector();
        var shipping = new Collector();
        await SubscribeAsync(Settings("billing"), billing.Handle);
        await SubscribeAsync(Settings("shipping"), shipping.Handle);

        await Transport.PublishAsync(Topic, Messages(50), Ct);

        await Collector.WaitUntilAsync(() => billing.DistinctCount == 50 && shipping.DistinctCount == 50, TimeSpan.FromSeconds(30), "both subscriptions");
        Assert.Equal(50, billing.Received.Count);
        Assert.Equal(50, shipping.Received.Count);
    }

    [Fact]
    public async Task Competing_consumers_handle_each_message_exactly_once()
    {
        var handled = new ConcurrentDictionary<Guid, int>();
        var first = new Collector();
        var second = new Collector();
        await SubscribeAsync(Settings("workers"), (m, ct) => { handled.AddOrUpdate(m.Message.MessageId, 1, (_, n) => n + 1); return first.Handle(m, ct); });
        await SubscribeAsync(Settings("workers"), (m, ct) => { handled.AddOrUpdate(m.Message.MessageId, 1, (_, n) => n + 1); return second.Handle(m, ct); });

        await Transport.PublishAsync(Topic, Messages(1000), Ct);

        await Collector.WaitUntilAsync(() => handled.Count == 1000, TimeSpan.FromSeconds(60), "1000 messages");
        await Task.Delay(500, Ct);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
        Assert.Equal(1000, first.Received.Count + second.Received.Count);
    }

    [Fact]
    public async Task A_message_whose_handler_throws_is_delivered_again()
    {
        var collector = new Collector();
        await SubscribeAsync(Settings("flaky"), (m, ct) =>
        {
            collector.Add(m);
            return m.DeliveryCount == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask;
        });

        await Transport.PublishAsync(Topic, Messages(3), Ct);

        await Collector.WaitUntilAsync(() => collector.Received.Count(r => r.DeliveryCount == 2) == 3, TimeSpan.FromSeconds(30), "second deliveries");
        Assert.Equal(3, collector.Received.Count(r => r.DeliveryCount == 1));
    }

    [Fact]
    public async Task After_max_deliveries_a_message_is_dead_lettered_with_its_error_and_can_be_replayed()
    {
        var failing = true;
        var succeeded = new Collector();
        await SubscribeAsync(Settings("poison") with { MaxDeliveryCount = 3 }, (m, ct) =>
            failing ? throw new InvalidOperationException("boom") : succeeded.Handle(m, ct));

        var message = Messages(1)[0];
        await Transport.PublishAsync(Topic, [message], Ct);

        IReadOnlyList<DeadLetter> deadLetters = [];
        await Collector.WaitUntilAsync(() =>
        {
            deadLetters = Transport.GetDeadLettersAsync("poison", 10, Ct).GetAwaiter().GetResult();
            return deadLetters.Count == 1;
        }, TimeSpan.FromSeconds(60), "the dead letter");
        Assert.Equal(message.MessageId, deadLetters[0].Message.MessageId);
        Assert.Equal(3, deadLetters[0].DeliveryCount);
        Assert.Contains("boom", deadLetters[0].LastError, StringComparison.Ordinal);

        failing = false;
        var replayed = await Transport.ReplayDeadLettersAsync("poison", Ct);

        Assert.Equal(1, replayed);
        await Collector.WaitUntilAsync(() => succeeded.DistinctCount == 1, TimeSpan.FromSeconds(30), "the replayed message");
        Assert.Empty(await Transport.GetDeadLettersAsync("poison", 10, Ct));
    }

    [Fact]
    public async Task A_large_batch_arrives_without_loss()
    {
        var collector = new Collector();
        await SubscribeAsync(Settings("bulk") with { MaxConcurrency = 64 }, collector.Handle);
        var messages = Messages(LargeBatchSize);

        foreach (var chunk in messages.Chunk(1000))
        {
            await Transport.PublishAsync(Topic, chunk, Ct);
        }

        await Collector.WaitUntilAsync(() => collector.DistinctCount == LargeBatchSize, TimeSpan.FromMinutes(3), $"{LargeBatchSize} messages");
        Assert.Equal(messages.Select(m => m.MessageId).Order(), collector.Received.Select(r => r.Message.MessageId).Distinct().Order());
    }

    [Fact]
    public async Task Messages_held_by_a_consumer_that_stops_mid_batch_are_redelivered_to_another()
    {
        var started = new Collector();
        var settings = Settings("handover") with { MaxConcurrency = 4, VisibilityTimeout = TimeSpan.FromSeconds(2) };
        var stuck = await Transport.SubscribeAsync(settings, async (m, ct) =>
        {
            started.Add(m);
            await Task.Delay(Timeout.Infinite, ct); // never finishes: the process "dies" holding these
        }, Ct);

        await Transport.PublishAsync(Topic, Messages(10), Ct);
        await Collector.WaitUntilAsync(() => started.Received.Count >= 4, TimeSpan.FromSeconds(30), "the first consumer to take a batch");
        await stuck.DisposeAsync();

        var survivor = new Collector();
        await SubscribeAsync(settings, survivor.Handle);

        await Collector.WaitUntilAsync(() => survivor.DistinctCount == 10, TimeSpan.FromSeconds(60), "all 10 on the second consumer");
        var heldByFirst = started.Received.Select(r => r.Message.MessageId).ToHashSet();
        Assert.All(survivor.Received.Where(r => heldByFirst.Contains(r.Message.MessageId)), r => Assert.True(r.DeliveryCount >= 2));
    }

    protected SubscriptionSettings Settings(string subscription) => new(subscription, [Topic])
    {
        MaxConcurrency = 16,
        RetryDelay = TimeSpan.FromMilliseconds(100),
        MaxRetryDelay = TimeSpan.FromSeconds(1),
        VisibilityTimeout = TimeSpan.FromSeconds(30),
    };

    private async Task SubscribeAsync(SubscriptionSettings settings, Func<ReceivedMessage, CancellationToken, Task> handler) =>
        _subscriptions.Add(await Transport.SubscribeAsync(settings, handler, Ct));

    protected static TransportMessage[] Messages(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new TransportMessage(Guid.CreateVersion7(), "TestEvent", $$"""{"n":{{i}}}""",
            new Dictionary<string, string> { ["type"] = "TestEvent" }, DateTimeOffset.UtcNow))];
}
