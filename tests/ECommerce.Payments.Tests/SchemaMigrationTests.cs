using ECommerce.Payments.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Payments.Tests;

/// <summary>The move from EnsureCreated to migrations: a database made the old way is adopted, not recreated.</summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task A_database_created_before_migrations_is_baselined_and_then_migrates_cleanly()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("payments_legacy");
        var services = new ServiceCollection()
            .AddDbContext<PaymentsDbContext>(o => o.UseNpgsql(connectionString))
            .BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = services.CreateAsyncScope())
        {
            // What PaymentsSchema did on start before migrations: the model's tables, no migrations history. The model has
            // grown since (later migrations), so the columns added after the initial migration are taken away again.
            var legacy = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>().Database;
            await legacy.EnsureCreatedAsync(ct);
            await legacy.ExecuteSqlRawAsync("ALTER TABLE payments DROP COLUMN attempt, DROP COLUMN client_secret, DROP COLUMN hold_for_review", ct);
        }

        await services.MigrateDatabaseAsync<PaymentsDbContext>(adoptTable: "payments", ct);
        await services.MigrateDatabaseAsync<PaymentsDbContext>(adoptTable: "payments", ct); // a second start (or instance) finds it recorded

        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
    }

    [Fact]
    public async Task A_new_database_is_migrated_with_the_append_only_ledger_trigger()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("payments_new");
        var services = new ServiceCollection()
            .AddDbContext<PaymentsDbContext>(o => o.UseNpgsql(connectionString))
            .BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;
        // Nothing to adopt: an empty database is left to the migrations.
        await services.MigrateDatabaseAsync<PaymentsDbContext>(adoptTable: "payments", ct);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        var triggers = await db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'ledger_entries_append_only'")
            .SingleAsync(ct);
        Assert.Equal(1, triggers);
    }
}
