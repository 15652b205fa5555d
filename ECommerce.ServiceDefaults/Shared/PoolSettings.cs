using Npgsql;

namespace ECommerce.Postgres;

/// <summary>
/// The pool settings every PostgreSQL connection string of the store gets unless it sets them itself: prepared
/// statements (<c>Max Auto Prepare</c>) and no reset when a connection goes back to the pool (<c>No Reset On Close</c>).
/// Compiled into both ServiceDefaults (the services' databases, <c>PooledConnections</c>) and ECommerce.Messaging (the
/// PostgreSQL transport), which do not reference each other; hence internal, and one file linked into both.
/// </summary>
internal static class PoolSettings
{
    public static string WithDefaults(string connectionString, int preparedPerConnection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one only for what the string sets.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = preparedPerConnection;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
