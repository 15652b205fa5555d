using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ECommerce.Payments.Persistence;

/// <summary>
/// Until migrations, the schema came from EnsureCreated plus the ledger trigger's SQL, which is exactly what the initial
/// migration creates, but such a database has no <c>__EFMigrationsHistory</c>, so migrating it would try to create the
/// tables again and fail. When the tables exist and no migration is recorded, this records the initial migration as
/// applied; later migrations then run normally. Runs in StartingAsync and is registered before the migrator, so it
/// goes first. Remove it once no database made before migrations is left.
/// </summary>
internal sealed partial class PaymentsSchemaBaseline(IServiceScopeFactory scopes, ILogger<PaymentsSchemaBaseline> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken) && (await history.GetAppliedMigrationsAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var madeBeforeMigrations = await db.Database
            .SqlQuery<bool>($"SELECT to_regclass('payments') IS NOT NULL AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!madeBeforeMigrations)
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        var efVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0";
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        // ON CONFLICT: two instances starting together on the same old database both get here.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({initial}, {efVersion}) ON CONFLICT DO NOTHING",
            cancellationToken);
        LogBaselined(initial);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "paymentsdb was created before migrations; recorded {Migration} as applied")]
    private partial void LogBaselined(string migration);
}
