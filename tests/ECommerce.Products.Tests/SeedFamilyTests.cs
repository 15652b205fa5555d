using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Products.Seeding;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Tests;

/// <summary>The seed's variant families: names differing only by a colour or size word, each variant complete and unique.</summary>
public sealed class SeedFamilyTests(ProductsHost host, ITestOutputHelper output) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Names_differing_by_one_colour_or_size_word_are_one_family()
    {
        var families = FamilyGrouping.Find(["PINK REGENCY TEACUP AND SAUCER", "GREEN REGENCY TEACUP AND SAUCER", "ROSES REGENCY TEACUP AND SAUCER",
            "SMALL RED TOTE BAG", "LARGE RED TOTE BAG", "SMALL BLUE TOTE BAG", "RED TOTE BAG", "RED BLUE MUG", "BLUE MUG"]);

        Assert.Equal(["REGENCY TEACUP AND SAUCER", "TOTE BAG"], families.Select(f => f.Key));
        Assert.Equal(["Pink", "Green"], families[0].Members.Select(m => m.Colour!));
        Assert.Equal(["Red/Small", "Red/Large", "Blue/Small"], families[1].Members.Select(m => $"{m.Colour}/{m.Size}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_seeded_variant_has_a_value_of_each_option_and_no_two_share_one(bool dataset)
    {
        var path = dataset ? CatalogSeeder.DefaultDatasetPath(AppContext.BaseDirectory) : "/nonexistent/online_retail.csv.gz";
        if (dataset && (path is null || !File.Exists(path)))
        {
            Assert.Skip("The UCI Online Retail dataset is not on this machine (../shared/data/online_retail.csv.gz).");
        }

        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("seedfamilies");
        await using var db = new ProductsDbContext(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql(connectionString).Options);
        await db.Database.MigrateAsync(Ct);
        await new CatalogSeeder(db, Options.Create(new SeedOptions { DatasetPath = path, ProductCount = 600 }),
            host.Factory.Services.GetRequiredService<IHostEnvironment>(), NullLogger<CatalogSeeder>.Instance).SeedAsync(Ct);

        var families = await db.Families.AsNoTracking().Include(f => f.Variants).ToListAsync(Ct);
        output.WriteLine($"{(dataset ? "dataset" : "generated")}: {families.Count} families, {families.Sum(f => f.Variants.Count)} variants of 600 products, " +
            $"{families.Count(f => f.Options.Count == 2)} with colour and size");
        Assert.True(families.Count >= 5, $"only {families.Count} families");
        Assert.Contains(families, f => f.Options.Count == 2);
        Assert.All(families, f =>
        {
            Assert.True(f.Variants.Count >= 2);
            Assert.All(f.Variants, v => Assert.Equal(f.Options.Select(o => o.Name).Order(), v.OptionValues.Keys.Order()));
            Assert.All(f.Variants, v => Assert.All(f.Options, o => Assert.Contains(v.OptionValues[o.Name], o.Values)));
            Assert.Equal(f.Variants.Count, f.Variants.Select(v => string.Join('/', f.Options.Select(o => v.OptionValues[o.Name]))).Distinct().Count());
            Assert.Single(f.Variants.Select(v => v.CategoryId).Distinct());
            // Sizes as a shopper reads them (Small before Large), whichever member the dataset listed first.
            Assert.All(f.Options.Where(o => o.Name == "Size"), o => Assert.Equal(SizeOrder.Sort(o.Values), o.Values));
        });
    }
}
