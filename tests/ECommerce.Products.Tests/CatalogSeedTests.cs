using ECommerce.Products.Persistence;
using ECommerce.Products.Seeding;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Tests;

public sealed class CatalogSeedTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_dataset_the_seed_generates_the_same_catalog_every_time()
    {
        var first = await SeedFreshDatabaseAsync("/nonexistent/online_retail.csv.gz", 300);
        var second = await SeedFreshDatabaseAsync("/nonexistent/online_retail.csv.gz", 300);

        Assert.Equal(300, first.Count);
        Assert.Equal(first, second);
        Assert.True(first.Select(p => p.Category).Distinct().Count() >= 8, "the generated catalog spreads over the category tree");
    }

    [Fact]
    public async Task With_the_dataset_the_seed_uses_real_names_and_median_prices()
    {
        var path = CatalogSeeder.DefaultDatasetPath(AppContext.BaseDirectory);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip("The UCI Online Retail dataset is not on this machine (../shared/data/online_retail.csv.gz).");
        }

        var catalog = await SeedFreshDatabaseAsync(path, 50);

        // The dataset's best-selling line: 85123A, ordered on more invoices than any other product.
        var heart = Assert.Single(catalog, p => p.Sku == "85123A");
        Assert.Equal("White Hanging Heart T-Light Holder", heart.Name);
        Assert.Equal("candles-and-lighting", heart.Category);
        Assert.Equal(2.95m, heart.Price);
    }

    private async Task<List<(Guid Id, string Sku, string Name, string Slug, decimal Price, string Category)>> SeedFreshDatabaseAsync(string datasetPath, int count)
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("seed");
        await using var db = new ProductsDbContext(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync(Ct);
        var seeder = new CatalogSeeder(db, Options.Create(new SeedOptions { DatasetPath = datasetPath, ProductCount = count }),
            host.Factory.Services.GetRequiredService<IHostEnvironment>(), NullLogger<CatalogSeeder>.Instance);

        await seeder.SeedAsync(Ct);

        return (await db.Products.AsNoTracking().OrderBy(p => p.Sku)
                .Select(p => new { p.Id, p.Sku, p.Name, p.Slug, p.Price, Category = p.Category!.Slug }).ToListAsync(Ct))
            .Select(p => (p.Id, p.Sku, p.Name, p.Slug, p.Price, p.Category)).ToList();
    }
}
