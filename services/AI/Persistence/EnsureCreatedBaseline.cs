using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ECommerce.AI.Persistence;

/// <summary>
/// Databases made before the AI service had migrations were created by EnsureCreated: they hold the tables of the
/// initial migration but no <c>__EFMigrationsHistory</c>, so migrating would try to create the tables again and fail.
/// This records the initial migration as applied on such a database (once; nothing else is touched), so a developer's
/// existing data keeps working. Fresh databases and migrated ones are left to the migrator.
/// </summary>
internal sealed partial class EnsureCreatedBaseline(IServiceProvider services, ILogger<EnsureCreatedBaseline> logger) : IHostedLifecycleService
{
    /// <summary>A table every EnsureCreated schema had; its presence without history marks such a database.</summary>
    private const string MarkerTable = "model_versions";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken) && (await history.GetAppliedMigrationsAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var created = await db.Database.SqlQuery<bool>($"SELECT to_regclass({MarkerTable}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
        if (!created)
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        await history.CreateIfNotExistsAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), cancellationToken);
        LogBaselined(initial);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "aidb was created by EnsureCreated; recorded {Migration} as applied")]
    private partial void LogBaselined(string migration);
}
