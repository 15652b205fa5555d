using ECommerce.Postgres;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How every service database's pooled connections are used. A connection string that sets either keyword itself keeps
/// its value.
/// <list type="bullet">
/// <item><b>Prepared statements</b> (<c>Max Auto Prepare</c>): a statement a pooled connection has run five times is
/// prepared on it, so from then on PostgreSQL skips its parse and plan and Npgsql its row-description work. EF Core
/// sends the same few dozen statements over and over (a checkout is about 150 of them in the orders database), which is
/// the case it exists for. 0 turns it off.</item>
/// <item><b>No reset when a connection goes back to the pool</b> (<c>No Reset On Close</c>): with prepared statements
/// Npgsql cannot reset a session with <c>DISCARD ALL</c> (it would drop them), so it sends seven statements instead
/// (<c>RESET ALL</c>, <c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>pg_advisory_unlock_all()</c>, …) before the next use
/// of every connection: over half of the statements a checkout made. The services change no session state on a pooled
/// connection: no <c>SET</c> outside a transaction, no <c>LISTEN</c>, and a session advisory lock is released by the
/// code that took it (<see cref="DatabaseLock"/> holds its lock on a connection outside the pool).</item>
/// </list>
/// </summary>
/// <remarks>
/// A prepared statement outlives a schema change on its connection; PostgreSQL refuses one whose result shape changed
/// ("cached plan must not change result type") and Npgsql then drops the connection's prepared statements, so the next
/// attempt works. EF names its columns, so the additive migrations of a deployment do not change a result's shape.
/// </remarks>
public static class PooledConnections
{
    /// <summary>How many statements each physical connection keeps prepared (the least recently used goes first).</summary>
    public const int PreparedPerConnection = 100;

    public static string? Configure(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        return PoolSettings.WithDefaults(connectionString, PreparedPerConnection);
    }
}
