
namespace ECommerce.AI.Data;

/// <summary>
/// Creates the schema at start, before the consumers and the model loader run. `dotnet ef` is not installed on the
/// build machines, so there are no migrations yet: EnsureCreated is idempotent (it does nothing once the tables exist).
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AiDbContext>().Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
