using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Npgsql's automatic preparation for every service database: a statement a pooled connection has run five times is
/// prepared on it, so from then on PostgreSQL skips its parse and plan and Npgsql its row-description work. EF Core
/// sends the same few dozen statements over and over (a checkout is about 150 of them in the orders database), which is
/// the case it exists for. A connection string that sets <c>Max Auto Prepare</c> itself (0 turns it off) keeps its value.
/// </summary>
/// <remarks>
/// A prepared statement outlives a schema change on its connection; PostgreSQL refuses one whose result shape changed
/// ("cached plan must not change result type") and Npgsql then drops the connection's prepared statements, so the next
/// attempt works. EF names its columns, so the additive migrations of a deployment do not change a result's shape.
/// </remarks>
public static class PreparedStatements
{
    /// <summary>How many statements each physical connection keeps prepared (the least recently used goes first).</summary>
    public const int PerConnection = 100;

    public static string? Enable(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for what the string sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PerConnection;
        }

        return builder.ConnectionString;
    }
}
