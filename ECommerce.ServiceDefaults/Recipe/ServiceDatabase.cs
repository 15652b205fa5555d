using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service's own PostgreSQL database, registered one way everywhere: Aspire's Npgsql EF Core component (pooled
/// contexts, retries on transient failures, a health check named after the connection, traces and metrics), and the
/// schema brought up to date by EF migrations before anything else in the service starts.
/// </summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Configuration key: apply migrations (and seeders) at start. Default: in Development; the services' appsettings.json
    /// turn it on for every local and test host, and the deployment turns it off because its migration step (the
    /// <c>migrate</c> mode of <see cref="MigrationStep"/>) has done the work before the service starts.
    /// </summary>
    public const string MigrateAtStartKey = "Database:MigrateAtStart";

    /// <summary>
    /// Registers <typeparamref name="TDb"/> on connection string <paramref name="connectionName"/> and, where
    /// <see cref="MigrateAtStartKey"/> allows, migrates it at start. Retries stay on: code that opens its own transaction
    /// runs it inside <c>db.Database.CreateExecutionStrategy().ExecuteAsync</c>.
    /// </summary>
    /// <param name="adoptTable">
    /// For a service whose schema was made before it had migrations (EnsureCreated): a table every such database has.
    /// Where it exists and no migration is recorded, the initial migration is recorded as applied instead of run, so a
    /// developer's existing data keeps working; later migrations then run normally.
    /// </param>
    public static TBuilder AddServiceDatabase<TDb, TBuilder>(this TBuilder builder, string connectionName,
        Action<NpgsqlDbContextOptionsBuilder>? npgsql = null, string? adoptTable = null)
        where TDb : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDbContext<TDb>(connectionName, configureSettings: settings =>
            settings.ConnectionString = PooledConnections.Configure(settings.ConnectionString), configureDbContextOptions: options =>
        {
            if (npgsql is not null)
            {
                options.UseNpgsql(npgsql);
            }
        });

        builder.Services.AddSingleton(new ServiceDatabaseMigration(typeof(TDb).Name, (services, ct) => services.MigrateDatabaseAsync<TDb>(adoptTable, ct)));
        if (builder.Configuration.GetValue(MigrateAtStartKey, builder.Environment.IsDevelopment()))
        {
            builder.Services.AddHostedService(sp => new DatabaseMigrator<TDb>(sp, adoptTable, sp.GetRequiredService<ILogger<DatabaseMigrator<TDb>>>()));
        }

        return builder;
    }

    /// <summary>
    /// Applies pending migrations of <typeparamref name="TDb"/>, then runs its <see cref="IDatabaseSeeder{TDb}"/>s: what
    /// the start-time migrator and a deployment's migration step both run, under a <see cref="DatabaseLock"/>.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDb>(this IServiceProvider services, string? adoptTable = null, CancellationToken ct = default)
        where TDb : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        // Replicas starting together: EF's own migration lock covers the migrations, not the seeders, whose
        // "exists? else insert" would race (a duplicate key failing one replica's start). One replica at a time; the
        // next finds everything there.
        await using var exclusive = await LockForMigrationAsync(db, ct);
        if (adoptTable is not null)
        {
            await AdoptSchemaMadeWithoutMigrationsAsync(scope, db, adoptTable, ct);
        }

        await db.Database.MigrateAsync(ct);
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TDb>>())
        {
            await seeder.SeedAsync(ct);
        }
    }

    private static async Task<DatabaseLock?> LockForMigrationAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            return await DatabaseLock.AcquireAsync(db, "migrate:" + db.GetType().Name, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet (an external server): there is nothing to lock in; the first migration creates it.
            return null;
        }
    }

    private static async Task AdoptSchemaMadeWithoutMigrationsAsync<TDb>(AsyncServiceScope scope, TDb db, string adoptTable, CancellationToken ct)
        where TDb : DbContext
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(ct) && (await history.GetAppliedMigrationsAsync(ct)).Count > 0)
        {
            return;
        }

        var madeWithoutMigrations = await db.Database.SqlQuery<bool>($"SELECT to_regclass({adoptTable}) IS NOT NULL AS \"Value\"").SingleAsync(ct);
        if (!madeWithoutMigrations)
        {
            return;
        }

        var initial = db.Database.GetMigrations().First();
        var efVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "10.0";
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        // ON CONFLICT: two instances starting together on the same old database both get here.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({initial}, {efVersion}) ON CONFLICT DO NOTHING", ct);
        scope.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(TDb).FullName!)
            .LogWarning("{Table} exists without migration history: recorded {Migration} as applied", adoptTable, initial);
    }
}

/// <summary>
/// Migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host awaits before any hosted service's
/// StartAsync: outbox dispatchers, consumers and seeders never see a schema older than the code.
/// </summary>
internal sealed partial class DatabaseMigrator<TDb>(IServiceProvider services, string? adoptTable, ILogger<DatabaseMigrator<TDb>> logger) : IHostedLifecycleService
    where TDb : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await services.MigrateDatabaseAsync<TDb>(adoptTable, cancellationToken);
        LogMigrated(typeof(TDb).Name, clock.ElapsedMilliseconds);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} is up to date (migrations checked in {ElapsedMs} ms)")]
    private partial void LogMigrated(string database, long elapsedMs);
}

/// <summary>
/// Names tables, columns, keys and indexes in snake_case, the one convention of every service's schema (the messaging
/// tables and hand-written SQL rely on it): call <c>modelBuilder.UseSnakeCaseNames()</c> last in OnModelCreating.
/// Names set explicitly with HasColumnName / ToTable stay as written.
/// </summary>
public static class SnakeCaseNames
{
    public static ModelBuilder UseSnakeCaseNames(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName() == property.Name)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }

        return modelBuilder;
    }

    /// <summary><c>OrderId</c> → <c>order_id</c>, <c>HTTPStatus</c> → <c>http_status</c>, <c>Line1</c> → <c>line1</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && name[i - 1] != '_')
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
