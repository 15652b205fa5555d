using Azure.Storage.Blobs;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ECommerce.Products.Tests;

/// <summary>
/// The real Products service (a <see cref="ServiceHost{TProgram}"/>) against its own fresh PostgreSQL database, a
/// messaging database, the shared Redis and the shared Azurite (a blob container of its own) — one per test class. Tests seed their own catalog through <see cref="SeedAsync"/>.
/// </summary>
public class ProductsHost() : ServiceHost<Program>("productsdb")
{
    /// <summary>This host's image container on the shared Azurite.</summary>
    public string ImageContainer { get; } = "images-" + Guid.NewGuid().ToString("N")[..12];

    public string ImageStorage { get; private set; } = "";

    protected override string EnvironmentName => "Testing";

    protected override bool UsesCache => true;

    /// <summary>
    /// Off unless a fixture is about semantic search: the other suites pin lexical results, and a vector backfill
    /// racing their assertions would make them depend on timing.
    /// </summary>
    protected virtual bool UsesSemanticSearch => false;

    // A pool below the server's connection limit, so hundreds of concurrent reservations queue for connections.
    protected override string Tune(string connectionName, string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = connectionName == "messaging" ? 10 : 40 }.ConnectionString;

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Products:Database:MigrateAtStart"] = "true";
        settings["ConnectionStrings:images"] = ImageStorage;
        settings["Products:Images:Container"] = ImageContainer;
        settings["Products:Images:MaxBytes"] = "65536";
        settings["Messaging:Subscription"] = "products";
        settings["Products:Search:Semantic:Enabled"] = UsesSemanticSearch ? "true" : "false";
    }

    protected override async Task StartingAsync() => ImageStorage = (await AzuriteServer.GetAsync()).ConnectionString;

    protected override Task StartedAsync() => SeedAsync();

    /// <summary>The names of every stored image object of this host.</summary>
    public async Task<List<string>> StoredImagesAsync()
    {
        var container = new BlobContainerClient(ImageStorage, ImageContainer);
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>The class's own catalog; the base seeds the category tree every test uses.</summary>
    protected virtual async Task SeedAsync()
    {
        await using var db = NewDbContext();
        var home = new Category { Name = "Home", Slug = "home" };
        var gifts = new Category { Name = "Gifts", Slug = "gifts" };
        db.Categories.AddRange(home, gifts,
            new Category { Name = "Decor", Slug = "decor", Parent = home },
            new Category { Name = "Kitchen", Slug = "kitchen", Parent = home },
            new Category { Name = "Toys", Slug = "toys", Parent = gifts });
        db.Brands.AddRange(new Brand { Name = "Acme", Slug = "acme" }, new Brand { Name = "Wren", Slug = "wren" });
        await db.SaveChangesAsync();
    }

    public ProductsDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql(Database).Options);

    /// <summary>
    /// Adds products directly (fast); names, prices and stock as given, created one second apart in list order from
    /// <paramref name="createdFrom"/> (default: an hour ago).
    /// </summary>
    public async Task<List<Product>> AddProductsAsync(
        IEnumerable<(string Name, string Description, decimal Price, string Category, string Brand, int Stock)> items, DateTimeOffset? createdFrom = null)
    {
        await using var db = NewDbContext();
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug);
        var brands = await db.Brands.ToDictionaryAsync(b => b.Slug);
        var start = createdFrom ?? DateTimeOffset.UtcNow.AddHours(-1);
        var added = items.Select((item, i) => new Product
        {
            Sku = "T-" + Guid.NewGuid().ToString("N")[..10],
            Name = item.Name,
            Slug = Slugs.From(item.Name) + "-" + Guid.NewGuid().ToString("N")[..6],
            Description = item.Description,
            Price = item.Price,
            CategoryId = categories[item.Category].Id,
            BrandId = brands[item.Brand].Id,
            CreatedAt = start.AddSeconds(i),
            Stock = new StockItem { Available = item.Stock },
        }).ToList();
        db.Products.AddRange(added);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>Event types written to the outbox for an aggregate, oldest first: what the service published.</summary>
    public async Task<List<string>> PublishedAsync(string type, string contains)
    {
        await using var db = NewDbContext();
        return await db.Database.SqlQuery<string>($"SELECT body AS \"Value\" FROM outbox WHERE type = {type} AND body LIKE {"%" + contains + "%"} ORDER BY occurred_at").ToListAsync();
    }
}
