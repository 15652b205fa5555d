using ECommerce.Products.Persistence;

namespace ECommerce.Products.Seeding;

/// <summary>
/// Seeds the development catalog once, in Development unless <c>Products:Seed:Enabled</c> is false. A hosted service's
/// StartAsync runs after the shared recipe has migrated the database (in StartingAsync), so the schema is there.
/// </summary>
public sealed class DevelopmentSeeding(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DevelopmentSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue("Products:Seed:Enabled", true))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        // Replicas starting together on an empty database would both find no products and both insert the same ids
        // (one start failing on the duplicate key): one seeds, the other waits and then finds the catalog there.
        await using var exclusive = await DatabaseLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<ProductsDbContext>(), "products:seed", cancellationToken);
        var seeded = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} products", seeded);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
