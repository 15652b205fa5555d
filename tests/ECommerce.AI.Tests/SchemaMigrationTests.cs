using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ECommerce.AI.Tests;

/// <summary>The move from EnsureCreated to migrations: same schema, and databases made the old way keep working.</summary>
public sealed class SchemaMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_initial_migration_creates_exactly_the_schema_EnsureCreated_did()
    {
        var server = await PostgresServer.GetAsync();
        var created = await server.CreateDatabaseAsync("ai-created");
        var migrated = await server.CreateDatabaseAsync("ai-migrated");
        await using (var db = Context(created))
        {
            await db.Database.EnsureCreatedAsync(Ct);
        }

        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync(Ct);
        }

        var expected = await SchemaAsync(created);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaAsync(migrated));
    }

    [Fact]
    public async Task A_database_created_by_EnsureCreated_is_adopted_by_migrations_with_its_data()
    {
        var server = await PostgresServer.GetAsync();
        var aiDb = await server.CreateDatabaseAsync("ai-legacy");
        var productId = Guid.NewGuid();
        await using (var db = Context(aiDb))
        {
            await db.Database.EnsureCreatedAsync(Ct);
            // What EnsureCreated made before migrations: the model has grown since, so later migrations' columns go again.
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE model_versions DROP COLUMN "Status", DROP COLUMN "Error", DROP COLUMN "TrainingSeconds", DROP COLUMN "DataSize",
                    DROP COLUMN "ServingVersion", DROP COLUMN "ServingMetric", DROP COLUMN "InputProfile"
                """, Ct);
            db.Products.Add(new StoredProduct { Id = productId, Name = "Kept", Category = "home", Price = 3, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var messagingDb = await server.CreateDatabaseAsync("messaging");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:aidb", aiDb)
            .UseSetting("ConnectionStrings:messaging", messagingDb)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("AI:Training:Interval", "00:00:00"));
        _ = factory.Server;

        await using var migratedDb = Context(aiDb);
        Assert.Equal(migratedDb.Database.GetMigrations(), await migratedDb.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await migratedDb.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal("Kept", (await migratedDb.Products.SingleAsync(p => p.Id == productId, Ct)).Name);
    }

    private static AiDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AiDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Columns with their types, nullability and defaults, then indexes and constraints, all sorted; the history table left out.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT concat_ws(' ', 'column', table_name, column_name, data_type, is_nullable, column_default,
                             character_maximum_length, numeric_precision, numeric_scale, is_identity, identity_generation)
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT concat_ws(' ', 'index', tablename, indexname, indexdef)
            FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT concat_ws(' ', 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
