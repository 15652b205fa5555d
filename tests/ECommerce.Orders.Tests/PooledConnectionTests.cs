using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Orders.Tests;

/// <summary>
/// A service's database connections prepare the statements they repeat, and are not reset when they go back to the pool
/// (ServiceDefaults' PooledConnections): the same settings-to-connection path every service takes, seen from inside the
/// connection PostgreSQL keeps.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class PooledConnectionTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_statement_run_repeatedly_on_a_service_connection_is_prepared_there()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var marker = Guid.NewGuid().ToString("N");
            for (var i = 0; i < 8; i++)
            {
                await db.Carts.AsNoTracking().Where(c => c.OwnerKey == marker).ToListAsync(Ct);
            }

            var prepared = await db.Database
                .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements")
                .ToListAsync(Ct);
            Assert.Contains(prepared, s => s.Contains("FROM carts", StringComparison.Ordinal));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_connection_back_from_the_pool_is_not_reset()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        // The service's own connection string, in a pool of one so the second open gets the first one's connection.
        var single = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { MaxPoolSize = 1 };
        await using var source = Npgsql.NpgsqlDataSource.Create(single.ConnectionString);
        var marker = Guid.NewGuid().ToString("N");
        int backend;
        await using (var first = await source.OpenConnectionAsync(Ct))
        {
            backend = (int)(await Scalar(first, "SELECT pg_backend_pid()"))!;
            await Scalar(first, $"SELECT set_config('ecommerce.probe', '{marker}', false)");
        }

        await using var second = await source.OpenConnectionAsync(Ct);
        Assert.Equal(backend, (int)(await Scalar(second, "SELECT pg_backend_pid()"))!);
        Assert.Equal(marker, await Scalar(second, "SELECT current_setting('ecommerce.probe', true)"));
    }

    [Fact]
    public async Task A_database_lock_ends_its_session_when_released_so_no_pooled_connection_keeps_the_lock()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var name = "test:" + Guid.NewGuid().ToString("N");
        var key = Microsoft.Extensions.Hosting.DatabaseLock.KeyOf(name);
        await using var probe = new Npgsql.NpgsqlConnection(db.Database.GetConnectionString());
        await probe.OpenAsync(Ct);

        var held = await Microsoft.Extensions.Hosting.DatabaseLock.AcquireAsync(db, name, Ct);
        var holder = (int)(await Scalar(probe,
            $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = {key}"))!;
        Assert.Null(await Microsoft.Extensions.Hosting.DatabaseLock.TryAcquireAsync(db, name, Ct));
        await held.DisposeAsync();

        await using (var again = await Microsoft.Extensions.Hosting.DatabaseLock.TryAcquireAsync(db, name, Ct))
        {
            Assert.NotNull(again);
        }

        // The holder's backend ends with its connection rather than idling in a pool.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)(await Scalar(probe, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {holder}"))! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the lock's backend is still connected after the lock was released");
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<object?> Scalar(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }

    [Theory]
    [InlineData("Host=db;Database=orders", "100", true)]
    [InlineData("Host=db;Database=orders;Max Auto Prepare=0", "0", true)]
    [InlineData("Host=db;Database=orders;Max Auto Prepare=7;No Reset On Close=false", "7", false)]
    public void The_connection_string_settings_are_kept_when_given(string connectionString, string expectedPrepared, bool expectedNoReset)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Microsoft.Extensions.Hosting.PooledConnections.Configure(connectionString));
        Assert.Equal(expectedPrepared, builder.MaxAutoPrepare.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedNoReset, builder.NoResetOnClose);
    }
}
