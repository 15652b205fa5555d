using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging.Tests;

[EventName("TestOrderPlaced")]
public sealed record TestOrderPlaced(Guid OrderId) : IntegrationEvent;

[EventName("TestOrderConfirmed")]
public sealed record TestOrderConfirmed(Guid OrderId) : IntegrationEvent;

[EventName("TestPaymentDue")]
public sealed record TestPaymentDue(Guid OrderId) : IntegrationEvent;

public sealed class TestOrder
{
    public Guid Id { get; set; }
}

/// <summary>One row per handling: a second effect would show as a second row.</summary>
public sealed class HandledOrder
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IOwesIntegrationEvents
{
    private readonly List<IntegrationEvent> _owed = [];

    public DbSet<TestOrder> Orders => Set<TestOrder>();

    public DbSet<HandledOrder> Handled => Set<HandledOrder>();

    /// <summary>Like Orders' order moves: the event is held and goes into the outbox when the context is saved.</summary>
    public void Owe(IntegrationEvent @event) => _owed.Add(@event);

    public void TakeOwedEvents()
    {
        _owed.ForEach(this.AddIntegrationEvent);
        _owed.Clear();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TakeOwedEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The transaction each order was handled in: equal for two orders only if their handlers shared it.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> TransactionOf = new();

    public async Task RecordTransactionAsync(Guid orderId, CancellationToken cancellationToken) =>
        TransactionOf[orderId] = await Database.SqlQuery<long>($"SELECT txid_current() AS \"Value\"").SingleAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

/// <summary>Owes a follow-up event for every order, as Orders' handlers do when an order moves.</summary>
[HandlerName("TestOrderConfirmingHandler")]
public sealed class TestOrderConfirmingHandler(TestDbContext db) : IIntegrationEventHandler<TestOrderPlaced>
{
    public Task HandleAsync(TestOrderPlaced @event, CancellationToken cancellationToken)
    {
        db.Owe(new TestOrderConfirmed(@event.OrderId));
        return Task.CompletedTask;
    }
}

[HandlerName("TestOrderPlacedHandler")]
public sealed class TestOrderPlacedHandler(TestDbContext db) : IIntegrationEventHandler<TestOrderPlaced>
{
    public static readonly Guid PoisonOrderId = Guid.Parse("00000000-0000-0000-0000-00000000dead");

    /// <summary>The trace each order was handled in, to check that trace context crosses the broker.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string?> TraceIds = new();

    public async Task HandleAsync(TestOrderPlaced @event, CancellationToken cancellationToken)
    {
        TraceIds[@event.OrderId] = System.Diagnostics.Activity.Current?.TraceId.ToString();
        await db.RecordTransactionAsync(@event.OrderId, cancellationToken);
        db.Handled.Add(new HandledOrder { OrderId = @event.OrderId });
        if (@event.OrderId == PoisonOrderId)
        {
            throw new InvalidOperationException("poison");
        }
    }
}

/// <summary>Stands for a handler that waits on a payment provider: it must never share a transaction.</summary>
[HandlerName("TestChargingHandler")]
[HandledAlone]
public sealed class TestChargingHandler(TestDbContext db) : IIntegrationEventHandler<TestPaymentDue>
{
    public async Task HandleAsync(TestPaymentDue @event, CancellationToken cancellationToken)
    {
        await db.RecordTransactionAsync(@event.OrderId, cancellationToken);
        db.Handled.Add(new HandledOrder { OrderId = @event.OrderId });
        await Task.Delay(20, cancellationToken); // the provider's answer
    }
}
