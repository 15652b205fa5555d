using ECommerce.Products.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Data;

/// <summary>
/// Applies migrations at start when <c>Products:Database:MigrateAtStart</c> is on (the default in Development; in
/// production migrations are a deployment step, see docs/products.md) and seeds the development catalog once.
/// Runs before the server listens, so the first request already finds the schema.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        if (configuration.GetValue("Products:Database:MigrateAtStart", environment.IsDevelopment()))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (environment.IsDevelopment() && configuration.GetValue("Products:Seed:Enabled", true))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken);
            if (seeded > 0)
            {
                logger.LogInformation("Seeded {Count} products", seeded);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
