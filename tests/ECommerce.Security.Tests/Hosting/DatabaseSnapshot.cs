using Npgsql;

namespace ECommerce.Security.Tests.Hosting;

/// <summary>
/// The state of a service's database as one comparable string: per table its row count and a hash of every row's text.
/// Messaging bookkeeping tables (outbox, inbox, queues) are compared by row count only, because the dispatcher marks
/// rows as sent in the background; a new row there is still caught.
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly string[] CountOnly = ["outbox", "inbox", "queue", "dead_letter", "subscriptions"];

    public static async Task<string> TakeAsync(string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        var tables = new List<(string Schema, string Name)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
            connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var parts = tables.Select(t =>
        {
            var name = $"\"{t.Schema}\".\"{t.Name}\"";
            var hash = CountOnly.Any(c => t.Name.Contains(c, StringComparison.OrdinalIgnoreCase)) || t.Name.StartsWith("__EF", StringComparison.Ordinal)
                ? "''"
                : "coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '')";
            return $"SELECT '{t.Schema}.{t.Name}:' || count(*) || ':' || {hash} FROM {name} x";
        });
        await using var command = new NpgsqlCommand(string.Join(" UNION ALL ", parts), connection);
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(reader.GetString(0));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }

    /// <summary>The tables whose line differs, for a readable failure.</summary>
    public static string Diff(string before, string after) =>
        string.Join(", ", after.Split('\n').Except(before.Split('\n')).Select(l => l.Split(':')[0] + " (" + l.Split(':')[1] + " rows)"));
}
