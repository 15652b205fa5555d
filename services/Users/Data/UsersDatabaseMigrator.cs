using Microsoft.EntityFrameworkCore;

namespace ECommerce.Users.Data;

/// <summary>
/// Applies the EF Core migrations at start. Registered before the messaging hosted services, and the web server starts
/// after all hosted services, so no request or message meets a missing table. EF takes a database lock while
/// migrating, so several replicas starting at once are safe.
/// </summary>
public sealed class UsersDatabaseMigrator(IServiceScopeFactory scopes, ILogger<UsersDatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
        logger.LogInformation("Bringing usersdb up to the latest migration");
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
