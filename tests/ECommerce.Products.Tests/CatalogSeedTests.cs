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

    [Fact]
    public async Task The_committed_catalog_seeds_the_ids_names_categories_and_prices_its_columns_state()
    {
        // A fresh clone has no ../shared: the derived file is its catalog, and the AI service maps history through it.
        var rows = new List<string[]>();
        using (var reader = new StreamReader(RetailSeedFile.CatalogPath))
        {
            await foreach (var f in Csv.CsvReader.ReadAsync(reader, Ct))
            {
                rows.Add(f);
            }
        }

        var catalog = await SeedFreshDatabaseAsync(RetailSeedFile.CatalogPath, 600);

        Assert.Equal(RetailSeedFile.Header, string.Join(',', rows[0]));
        Assert.Equal(600, catalog.Count);
        var bySku = catalog.ToDictionary(p => p.Sku);
        Assert.All(rows.Skip(1), f =>
        {
            var seeded = bySku[f[0]];
            Assert.Equal((Guid.Parse(f[5]), f[6], f[7], decimal.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)),
                (seeded.Id, seeded.Name, seeded.Category, seeded.Price));
        });
    }

    [Fact]
    public async Task The_committed_catalog_seeds_what_the_full_dataset_seeds()
    {
        var path = CatalogSeeder.DefaultDatasetPath(AppContext.BaseDirectory);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip("The UCI Online Retail dataset is not on this machine (../shared/data/online_retail.csv.gz).");
        }

        Assert.Equal(await SeedFreshDatabaseAsync(path, 600), await SeedFreshDatabaseAsync(RetailSeedFile.CatalogPath, 600));
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
