using System.Net.Http.Headers;
using ECommerce.Messaging;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ECommerce.Products.Tests;

/// <summary>
/// The real Products service in a test host against its own fresh PostgreSQL database, a messaging database and the
/// shared Redis — one per test class. Tests seed their own catalog through <see cref="SeedAsync"/>.
/// </summary>
public class ProductsHost : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = "";

    public string MessagingConnectionString { get; private set; } = "";

    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "products-images-" + Guid.NewGuid().ToString("N")[..8]);

    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    /// <summary>The Redis the catalog cache uses: the shared test server unless a fixture brings its own.</summary>
    protected virtual async Task<string> RedisConnectionStringAsync() => (await RedisServer.GetAsync()).ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var redis = await RedisConnectionStringAsync();
        // A pool below the server's connection limit, so hundreds of concurrent reservations queue for connections.
        DatabaseConnectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("products")) { MaxPoolSize = 40 }.ConnectionString;
        MessagingConnectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("messaging")) { MaxPoolSize = 10 }.ConnectionString;

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing")
                .UseSetting("ConnectionStrings:productsdb", DatabaseConnectionString)
                .UseSetting("ConnectionStrings:messaging", MessagingConnectionString)
                .UseSetting("Messaging:Transport", "postgres")
                .UseSetting("ConnectionStrings:cache", redis)
                .UseSetting("Products:Database:MigrateAtStart", "true")
                .UseSetting("Products:Images:Root", ImageRoot)
                .UseSetting("Products:Images:MaxBytes", "65536")
                .UseSetting("Messaging:Subscription", "products")
                .ConfigureServices(services => services.TrustTestTokens());
            Configure(web);
        });
        using var client = Factory.CreateClient();
        await SeedAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (Directory.Exists(ImageRoot))
        {
            Directory.Delete(ImageRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
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
        new(new DbContextOptionsBuilder<ProductsDbContext>().UseNpgsql(DatabaseConnectionString).Options);

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

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

    /// <summary>Publishes an event onto the broker as another service would.</summary>
    public async Task PublishAsync(IntegrationEvent @event)
    {
        await using var transport = MessagingTransports.Create(MessagingTransports.Postgres, MessagingConnectionString);
        await transport.PublishAsync(EventSerializer.TopicOf(@event.GetType()), [EventSerializer.Serialize(@event)], TestContext.Current.CancellationToken);
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();
}
