using System.Diagnostics;
using System.Text.Json;
using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Outbox;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Messaging.Tests;

/// <summary>
/// Group commit in the inbox (<c>Messaging:InboxBatchSize</c> &gt; 1): messages handled together in one transaction
/// keep the exactly-once effect, and one failing handler fails only its own message.
/// </summary>
public sealed class InboxBatchTests : IAsyncLifetime
{
    private string _serviceDb = "";
    private string _messagingDb = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var server = await PostgresServer.GetAsync();
        _serviceDb = await server.CreateDatabaseAsync("svc");
        _messagingDb = await server.CreateDatabaseAsync("messaging");
        await using var db = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(_serviceDb).Options);
        await db.Database.EnsureCreatedAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_failing_handler_fails_only_its_own_message_and_the_rest_of_its_batch_commits_once()
    {
        using var fallbacks = new MetricCollector<long>(MessagingMetrics.InboxBatchFallbacks);
        using var host = BuildHost();
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        var good = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();

        // Handed over together, as a consumer's leased batch is; the poison one is in the middle of them.
        var handling = good.Take(6).Append(TestOrderPlacedHandler.PoisonOrderId).Concat(good.Skip(6))
            .Select(id => (Id: id, Task: consumer.HandleAsync(Received(id), Ct))).ToList();

        foreach (var (id, task) in handling)
        {
            if (id == TestOrderPlacedHandler.PoisonOrderId)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => task);
            }
            else
            {
                await task;
            }
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(good.Order(), (await db.Handled.Select(h => h.OrderId).ToListAsync(Ct)).Order());
        Assert.Equal(12, await db.Set<InboxMessage>().CountAsync(Ct));
        Assert.Contains(nameof(InvalidOperationException), fallbacks.GetMeasurementSnapshot().Select(m => m.Tags["error.type"] as string)); // the poison one's batch was given up and counted
        await consumer.StopAsync(Ct);
    }

    [Fact]
    public async Task Copies_of_a_message_in_one_batch_and_a_later_redelivery_have_one_effect()
    {
        using var host = BuildHost();
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        var (orderId, other) = (Guid.NewGuid(), Guid.NewGuid());
        var copy = Received(orderId);

        await Task.WhenAll(consumer.HandleAsync(copy, Ct), consumer.HandleAsync(Received(other), Ct), consumer.HandleAsync(copy, Ct), consumer.HandleAsync(copy, Ct));
        await consumer.HandleAsync(copy with { DeliveryCount = 2 }, Ct);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(1, await db.Handled.CountAsync(h => h.OrderId == orderId, Ct));
        Assert.Equal(1, await db.Handled.CountAsync(h => h.OrderId == other, Ct));
        await consumer.StopAsync(Ct);
    }

    [Fact]
    public async Task Events_through_the_outbox_and_the_transport_are_each_handled_once()
    {
        using var host = BuildHost();
        await host.StartAsync(Ct);
        var ids = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            ids.ForEach(id => db.AddIntegrationEvent(new TestOrderPlaced(id)));
            await db.SaveChangesAsync(Ct);
        }

        await Collector.WaitUntilAsync(() =>
        {
            using var scope = host.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<TestDbContext>().Handled.Count() >= ids.Count;
        }, TimeSpan.FromSeconds(60), "500 events");
        await Task.Delay(300, Ct);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handled = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Handled.Select(h => h.OrderId).ToListAsync(Ct);
            Assert.Equal(ids.Order(), handled.Order());
        }

        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task Events_owed_in_a_batch_carry_the_trace_of_the_message_that_owed_them()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = BuildHost(m => m.Subscribe<TestOrderPlaced, TestOrderConfirmingHandler>());
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();

        // Each message comes from its own request, so each has its own trace.
        var traceOf = new Dictionary<Guid, string>();
        var messages = Enumerable.Range(0, 12).Select(_ =>
        {
            using var request = new Activity("POST /api/orders").Start();
            var orderId = Guid.NewGuid();
            traceOf[orderId] = request.TraceId.ToString();
            return Received(orderId);
        }).ToList();
        await Task.WhenAll(messages.Select(m => consumer.HandleAsync(m, Ct)));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        // Rows of one transaction share its now(): some messages were handled together, not each alone.
        var batches = await db.Set<InboxMessage>().GroupBy(m => m.HandledAt).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(12, batches.Sum());
        Assert.Contains(batches, size => size > 1);
        var confirmed = await db.Set<OutboxMessage>().Where(m => m.Type == "TestOrderConfirmed").ToListAsync(Ct);
        Assert.Equal(12, confirmed.Count);
        foreach (var row in confirmed)
        {
            var orderId = JsonSerializer.Deserialize<TestOrderConfirmed>(row.Body, WireFormat.Json)!.OrderId;
            var traceParent = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers)![WireFormat.TraceParentHeader];
            Assert.Equal(traceOf[orderId], ActivityContext.Parse(traceParent, null).TraceId.ToString());
        }

        await consumer.StopAsync(Ct);
    }

    [Fact]
    public async Task A_handler_marked_handled_alone_gets_a_transaction_of_its_own_while_the_others_are_grouped()
    {
        using var host = BuildHost(m => m.Subscribe<TestOrderPlaced, TestOrderPlacedHandler>().Subscribe<TestPaymentDue, TestChargingHandler>());
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        var placed = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var due = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();

        // Handed over together and interleaved, as one leased batch of a subscription with both topics would be.
        await Task.WhenAll(placed.Zip(due).SelectMany(p => new[]
        {
            consumer.HandleAsync(Received(p.First), Ct),
            consumer.HandleAsync(new ReceivedMessage(EventSerializer.Serialize(new TestPaymentDue(p.Second)), nameof(TestPaymentDue), "svc", 1), Ct),
        }));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(24, await db.Handled.CountAsync(Ct));
        var charging = due.Select(id => TestDbContext.TransactionOf[id]).ToList();
        var grouped = placed.Select(id => TestDbContext.TransactionOf[id]).ToList();
        Assert.Equal(12, charging.Distinct().Count());
        Assert.Empty(charging.Intersect(grouped));
        Assert.True(grouped.Distinct().Count() < grouped.Count, "the other messages were grouped into shared transactions");
        await consumer.StopAsync(Ct);
    }

    [Fact]
    public async Task Stopping_twice_at_once_or_one_after_the_other_is_harmless()
    {
        // A host's stop and its container's dispose can both stop the consumer, the second while the first is under way.
        using var host = BuildHost();
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => consumer.HandleAsync(Received(Guid.NewGuid()), Ct)));
        await Task.WhenAll(consumer.StopAsync(Ct), consumer.StopAsync(Ct), consumer.DisposeAsync().AsTask());

        var batcher = new InboxBatcher<TestDbContext>(host.Services.GetRequiredService<IServiceScopeFactory>(), "svc", 4,
            (_, _) => Task.FromResult(true), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await batcher.DisposeAsync();
        await batcher.DisposeAsync();
    }

    private static ReceivedMessage Received(Guid orderId) =>
        new(EventSerializer.Serialize(new TestOrderPlaced(orderId)), nameof(TestOrderPlaced), "svc", 1);

    private IHost BuildHost(Action<MessagingBuilder<TestDbContext>>? subscribe = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ECommerce.Svc" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = _messagingDb,
            ["Messaging:Transport"] = "postgres",
            ["Messaging:RetryDelay"] = "00:00:00.100",
            ["Messaging:OutboxPollInterval"] = "00:00:00.500",
            ["Messaging:MaxConcurrency"] = "32",
            ["Messaging:InboxBatchSize"] = "16",
        });
        builder.Services.AddDbContext<TestDbContext>(o => o.UseNpgsql(_serviceDb));
        builder.AddMessaging<TestDbContext>(subscribe ?? (m => m.Subscribe<TestOrderPlaced, TestOrderPlacedHandler>()));
        return builder.Build();
    }
}
