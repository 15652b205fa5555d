using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging.Tests;

[EventName("TestOrderPlaced")]
public sealed record TestOrderPlaced(Guid OrderId) : IntegrationEvent;

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

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<TestOrder> Orders => Set<TestOrder>();

    public DbSet<HandledOrder> Handled => Set<HandledOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

[HandlerName("TestOrderPlacedHandler")]
public sealed class TestOrderPlacedHandler(TestDbContext db) : IIntegrationEventHandler<TestOrderPlaced>
{
    public static readonly Guid PoisonOrderId = Guid.Parse("00000000-0000-0000-0000-00000000dead");

    /// <summary>The trace each order was handled in, to check that trace context crosses the broker.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string?> TraceIds = new();

    public Task HandleAsync(TestOrderPlaced @event, CancellationToken cancellationToken)
    {
        TraceIds[@event.OrderId] = System.Diagnostics.Activity.Current?.TraceId.ToString();
        db.Handled.Add(new HandledOrder { OrderId = @event.OrderId });
        return @event.OrderId == PoisonOrderId
            ? throw new InvalidOperationException("poison")
            : Task.CompletedTask;
    }
}
