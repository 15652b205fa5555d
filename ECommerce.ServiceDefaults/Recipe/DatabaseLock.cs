using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// "One replica at a time" for work that is not one short transaction (migrating and seeding, training a model): a
/// PostgreSQL session advisory lock on a connection of its own, held until disposed. The lock lives in the service's
/// database, so every replica of the service competes for it wherever it runs, and a replica that dies (kill -9, a
/// scaled-in container) loses it with its connection: nobody waits on a dead holder. Its own connection, not the
/// context's: EF opens and closes that one as it pleases (retries, pooling), which would end the session and the lock.
/// The connection is outside the pool, so closing it always ends the session: the services' pooled connections are not
/// reset when they go back to the pool (<see cref="PooledConnections"/>), and a lock must never ride along on one.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private DatabaseLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock's key for a name: stable across processes and versions (not string.GetHashCode).</summary>
    public static long KeyOf(string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("ecommerce-lock:" + name));
        return BitConverter.ToInt64(hash, 0);
    }

    /// <summary>Waits until this process holds the lock named <paramref name="name"/> in <paramref name="db"/>'s database.</summary>
    public static async Task<DatabaseLock> AcquireAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(db, cancellationToken);
        var key = KeyOf(name);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lock if it is free now, else null (another replica holds it).</summary>
    public static async Task<DatabaseLock?> TryAcquireAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(db, cancellationToken);
        var key = KeyOf(name);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new DatabaseLock(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is already gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no connection string for a database lock.");
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
