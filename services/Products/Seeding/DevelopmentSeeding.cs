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
        var seeded = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} products", seeded);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
