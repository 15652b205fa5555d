using ECommerce.Contracts;
using ECommerce.Products.Domain;
using ECommerce.Products.Inventory;
using ECommerce.Products.Persistence;
using ECommerce.Products.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECommerce.Products.Tests;

/// <summary>
/// Two Products processes on one database and broker, their expiry sweeps running every 100 ms on reservations that
/// expire after a second: what two replicas behind Aspire's proxy or in Container Apps do.
/// </summary>
public sealed class TwoReplicaProductsHost : ProductsHost
{
    protected override int ReplicaCount => 2;

    protected override void Configure(IDictionary<string, string> settings)
    {
        base.Configure(settings);
        settings["Products:Inventory:ReservationTtl"] = "00:00:01";
        settings["Products:Inventory:ExpirySweepInterval"] = "00:00:00.100";
        settings["Products:Inventory:ExpiryBatchSize"] = "7";
        settings["Products:Seed:ProductCount"] = "40";
    }

    // No categories: the seeding test starts from the empty database a first deployment has.
    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>Each start seeds in Development: two replicas starting on an empty database at once.</summary>
public sealed class ReplicaSeedTests(TwoReplicaProductsHost host) : IClassFixture<TwoReplicaProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_seeding_an_empty_catalog_at_once_seed_it_once_and_both_start()
    {
        // What each replica's start does in Development, on both at the same moment.
        var seedings = Enumerable.Range(0, 2).Select(i => new DevelopmentSeeding(
            host.Service<IServiceScopeFactory>(i),
            new ConfigurationBuilder().AddInMemoryCollection([new("Products:Seed:Enabled", "true")]).Build(),
            new DevelopmentEnvironment(), NullLogger<DevelopmentSeeding>.Instance)).ToList();

        await Task.WhenAll(seedings.Select(s => Task.Run(() => s.StartAsync(Ct), Ct)));

        await using var db = host.NewDbContext();
        Assert.Equal(40, await db.Products.CountAsync(Ct));
        Assert.Equal(await db.Categories.Select(c => c.Slug).Distinct().CountAsync(Ct), await db.Categories.CountAsync(Ct));
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "ECommerce.Products";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>Both replicas' reservation expiry sweeps on the same reservations.</summary>
public sealed class ReplicaExpiryTests(TwoReplicaProductsHost host) : IClassFixture<TwoReplicaProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expired_reservations_are_released_once_with_one_StockReleased_each_while_both_replicas_sweep()
    {
        await EnsureCatalogTreeAsync();
        var product = (await host.AddProductsAsync([("Contended", "", 1m, "decor", "acme", 500)]))[0];
        var orders = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();

        // Placed through both replicas' handlers, while both sweeps run; a second a reservation, then they expire.
        await Task.WhenAll(orders.Select((id, i) => Task.Run(() => PlaceAsync(i % 2, id, product.Id), Ct)));
        // And on top of the background loops, both replicas sweeping flat out at once.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ReservedCountAsync(orders) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Reservations still held 20 s after they expired.");
            await Task.WhenAll(Enumerable.Range(0, 2).Select(i => host.Service<ReservationExpiryService>(i).SweepOnceAsync(DateTimeOffset.UtcNow, Ct)));
        }

        // A few more rounds of both sweeps: nothing left to release, nothing released twice.
        await Task.Delay(500, Ct);
        await using var db = host.NewDbContext();
        var stock = await db.Stock.AsNoTracking().SingleAsync(s => s.ProductId == product.Id, Ct);
        Assert.Equal((500, 0), (stock.Available, stock.Reserved));
        var released = await db.Database.SqlQuery<string>($"SELECT body AS \"Value\" FROM outbox WHERE type = 'StockReleased'").ToListAsync(Ct);
        var perOrder = orders.ToDictionary(id => id, id => released.Count(b => b.Contains(id.ToString(), StringComparison.Ordinal)));
        Assert.All(perOrder, p => Assert.Equal(1, p.Value));
        Assert.All(await db.Reservations.Where(r => orders.Contains(r.OrderId)).Select(r => r.Status).ToListAsync(Ct),
            status => Assert.Equal(ReservationStatus.Expired, status));
    }

    private async Task PlaceAsync(int replica, Guid orderId, Guid productId)
    {
        await using var scope = host.Replicas[replica].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<OrderPlacedHandler>().HandleAsync(
                new OrderPlaced(orderId, "user-a", [new OrderLine(productId, "sku", 2, 1m)], "GBP", 2m, "pm_card_visa"), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, Ct);
    }

    private async Task<int> ReservedCountAsync(List<Guid> orders)
    {
        await using var db = host.NewDbContext();
        return await db.Reservations.CountAsync(r => orders.Contains(r.OrderId) && r.Status == ReservationStatus.Reserved, Ct);
    }

    /// <summary>The category and brand <see cref="ProductsHost.AddProductsAsync"/> names (this host seeds none).</summary>
    private async Task EnsureCatalogTreeAsync()
    {
        await using var db = host.NewDbContext();
        db.Categories.Add(new Category { Name = "Decor", Slug = "decor" });
        db.Brands.Add(new Brand { Name = "Acme", Slug = "acme" });
        await db.SaveChangesAsync(Ct);
    }
}
