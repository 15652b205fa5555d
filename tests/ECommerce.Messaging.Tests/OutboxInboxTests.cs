using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Outbox;
using ECommerce.Messaging.Postgres;
using ECommerce.Messaging.Transport;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ECommerce.Messaging.Tests;

/// <summary>Outbox and inbox against a real PostgreSQL: a service database and a messaging database, as in production.</summary>
public sealed class OutboxInboxTests : IAsyncLifetime
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
    public async Task An_event_saved_with_its_change_reaches_the_handler()
    {
        using var host = BuildHost();
        await host.StartAsync(Ct);

        var orderId = await PlaceOrderAsync(host.Services);

        await WaitForHandledAsync(host.Services, orderId, expected: 1);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task The_handler_runs_in_the_trace_of_the_request_that_raised_the_event()
    {
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var host = BuildHost();
        await host.StartAsync(Ct);

        using var request = new System.Diagnostics.Activity("POST /api/orders").Start();
        var orderId = await PlaceOrderAsync(host.Services);
        request.Stop();

        await WaitForHandledAsync(host.Services, orderId, expected: 1);
        Assert.Equal(request.TraceId.ToString(), TestOrderPlacedHandler.TraceIds[orderId]);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        using var host = BuildHost();
        await host.StartAsync(Ct);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Orders.Add(new TestOrder { Id = Guid.NewGuid() });
            db.AddIntegrationEvent(new TestOrderPlaced(Guid.NewGuid()));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await Task.Delay(1500, Ct);
        await using var check = host.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(0, await checkDb.Set<OutboxMessage>().CountAsync(Ct));
        Assert.Equal(0, await checkDb.Handled.CountAsync(Ct));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task The_dispatcher_is_woken_when_events_commit_and_only_then()
    {
        // Not started: nothing else takes the signal.
        using var host = BuildHost();
        var signal = host.Services.GetRequiredService<OutboxSignal>();
        async Task<bool> WokenAsync() => await signal.WaitAsync(TimeSpan.Zero, Ct);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();

        db.Orders.Add(new TestOrder { Id = Guid.NewGuid() });
        await db.SaveChangesAsync(Ct);
        Assert.False(await WokenAsync(), "a save without an event woke the dispatcher");

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Orders.Add(new TestOrder { Id = Guid.NewGuid() });
            db.AddIntegrationEvent(new TestOrderPlaced(Guid.NewGuid()));
            await db.SaveChangesAsync(Ct);
            Assert.False(await WokenAsync(), "woken before the event's transaction committed");
            await transaction.CommitAsync(Ct);
        }

        Assert.True(await WokenAsync(), "the commit of an event did not wake the dispatcher");

        db.AddIntegrationEvent(new TestOrderPlaced(Guid.NewGuid()));
        await db.SaveChangesAsync(Ct);
        Assert.True(await WokenAsync(), "a save of an event outside a transaction did not wake the dispatcher");

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.AddIntegrationEvent(new TestOrderPlaced(Guid.NewGuid()));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await transaction.CommitAsync(Ct);
        }

        Assert.False(await WokenAsync(), "a rolled-back event woke the dispatcher on a later commit");
    }

    [Fact]
    public async Task A_crash_between_commit_and_dispatch_only_delays_delivery()
    {
        // The "crashed" instance committed the change and its event, and never ran its dispatcher.
        using (var crashed = BuildHost())
        {
            var orderId = await PlaceOrderAsync(crashed.Services);
            await using var scope = crashed.Services.CreateAsyncScope();
            var pending = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync(Ct);
            Assert.Null(pending.SentAt);

            using var restarted = BuildHost();
            await restarted.StartAsync(Ct);

            await WaitForHandledAsync(restarted.Services, orderId, expected: 1);
            await restarted.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Two_dispatchers_never_send_the_same_row_twice()
    {
        using var first = BuildHost();
        using var second = BuildHost();
        await using (var transport = new PostgresTransport(_messagingDb))
        {
            await transport.EnsureTopologyAsync([new SubscriptionBinding(nameof(TestOrderPlaced), "audit")], Ct);
        }

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            for (var i = 0; i < 1000; i++)
            {
                db.AddIntegrationEvent(new TestOrderPlaced(Guid.NewGuid()));
            }

            await db.SaveChangesAsync(Ct);
        }

        var dispatchers = new[] { first, second }.Select(h => h.Services.GetRequiredService<OutboxDispatcher<TestDbContext>>()).ToArray();
        await Task.WhenAll(dispatchers.Select(async d =>
        {
            while (await d.DispatchBatchAsync(Ct) > 0)
            {
            }
        }));

        await using var connection = new NpgsqlConnection(_messagingDb);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand(
            "SELECT count(*)::int, count(DISTINCT message_id)::int FROM messaging.queue WHERE subscription = 'audit'", connection);
        await using var reader = await count.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        Assert.Equal(1000, reader.GetInt32(0));
        Assert.Equal(1000, reader.GetInt32(1));
    }

    [Fact]
    public async Task A_duplicated_message_has_no_second_effect_even_when_delivered_concurrently()
    {
        using var host = BuildHost();
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        var orderId = Guid.NewGuid();
        var message = EventSerializer.Serialize(new TestOrderPlaced(orderId));
        var received = new ReceivedMessage(message, nameof(TestOrderPlaced), "svc", 1);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => consumer.HandleAsync(received, Ct)));
        await consumer.HandleAsync(received with { DeliveryCount = 2 }, Ct);

        await WaitForHandledAsync(host.Services, orderId, expected: 1);
    }

    [Fact]
    public async Task A_handler_failure_rolls_back_its_changes_and_its_inbox_row()
    {
        using var host = BuildHost();
        var consumer = host.Services.GetRequiredService<SubscriptionHost<TestDbContext>>();
        var message = EventSerializer.Serialize(new TestOrderPlaced(TestOrderPlacedHandler.PoisonOrderId));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            consumer.HandleAsync(new ReceivedMessage(message, nameof(TestOrderPlaced), "svc", 1), Ct));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(0, await db.Handled.CountAsync(Ct));
        Assert.Equal(0, await db.Set<InboxMessage>().CountAsync(Ct));
    }

    [Fact]
    public void An_older_consumer_tolerates_fields_it_does_not_know()
    {
        var newer = new TransportMessage(Guid.NewGuid(), nameof(TestOrderPlaced),
            """{"orderId":"5d1c8c0e-0000-0000-0000-000000000001","giftWrap":true,"schemaVersion":1}""",
            new Dictionary<string, string>(), DateTimeOffset.UtcNow);

        var @event = (TestOrderPlaced)EventSerializer.Deserialize(newer, typeof(TestOrderPlaced));

        Assert.Equal(Guid.Parse("5d1c8c0e-0000-0000-0000-000000000001"), @event.OrderId);
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "ECommerce.Svc" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = _messagingDb,
            ["Messaging:Transport"] = "postgres",
            ["Messaging:RetryDelay"] = "00:00:00.100",
            ["Messaging:OutboxPollInterval"] = "00:00:00.500",
        });
        builder.Services.AddDbContext<TestDbContext>(o => o.UseNpgsql(_serviceDb));
        builder.AddMessaging<TestDbContext>(m => m.Subscribe<TestOrderPlaced, TestOrderPlacedHandler>());
        return builder.Build();
    }

    private static async Task<Guid> PlaceOrderAsync(IServiceProvider services)
    {
        var orderId = Guid.NewGuid();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.Orders.Add(new TestOrder { Id = orderId });
        db.AddIntegrationEvent(new TestOrderPlaced(orderId));
        await db.SaveChangesAsync(Ct);
        return orderId;
    }

    private static async Task WaitForHandledAsync(IServiceProvider services, Guid orderId, int expected)
    {
        await Collector.WaitUntilAsync(() =>
        {
            using var scope = services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<TestDbContext>().Handled.Count(h => h.OrderId == orderId) >= expected;
        }, TimeSpan.FromSeconds(30), $"order {orderId} to be handled");
        await Task.Delay(300, Ct);
        using var final = services.CreateScope();
        Assert.Equal(expected, final.ServiceProvider.GetRequiredService<TestDbContext>().Handled.Count(h => h.OrderId == orderId));
    }
}
