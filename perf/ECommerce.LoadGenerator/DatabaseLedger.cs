using Npgsql;

namespace ECommerce.LoadGenerator;

/// <summary>
/// What PostgreSQL did per database during a load window, from <c>pg_stat_database</c> (no extension needed): transactions
/// committed and rolled back, rows inserted, updated and deleted, connections opened (a new backend and its authentication each). Divided by the paid orders it shows the round trips and
/// writes one checkout costs in each service's database. Deadlocks (PostgreSQL ending one transaction of each) are
/// counted too, as totals: competing inbox batches can deadlock and then fall back to one message per transaction.
/// </summary>
public sealed class DatabaseLedger
{
    private const string Query = """
        SELECT datname, xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, sessions, deadlocks
        FROM pg_stat_database WHERE datname IS NOT NULL AND datname NOT IN ('template0', 'template1', 'postgres')
        """;

    /// <summary>The position of the deadlock count, after the columns printed per paid order.</summary>
    private const int Deadlocks = 6;

    private readonly string? _connectionString;
    private readonly Dictionary<string, long[]> _before;

    private DatabaseLedger(string? connectionString, Dictionary<string, long[]> before)
    {
        _connectionString = connectionString;
        _before = before;
    }

    public static async Task<DatabaseLedger> StartAsync(IReadOnlyDictionary<string, string> connectionStrings, CancellationToken ct)
    {
        var any = connectionStrings.Values.FirstOrDefault();
        return new DatabaseLedger(any, any is null ? [] : await SnapshotAsync(any, ct));
    }

    /// <summary>Per database: commits, rollbacks, inserted, updated, deleted, connections opened, deadlocks over the window.</summary>
    public async Task<IReadOnlyList<(string Database, long[] Counts)>> StopAsync(CancellationToken ct)
    {
        if (_connectionString is null)
        {
            return [];
        }

        // Backends publish their counters at most once a second; let the last ones land.
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var after = await SnapshotAsync(_connectionString, ct);
        return after
            .Select(a => (a.Key, a.Value.Select((v, i) => v - (_before.TryGetValue(a.Key, out var b) ? b[i] : 0)).ToArray()))
            .Where(d => d.Item2[0] > 0)
            .OrderByDescending(d => d.Item2[0])
            .ToList();
    }

    public static IEnumerable<string> Lines(IReadOnlyList<(string Database, long[] Counts)> databases, long paidOrders)
    {
        if (databases.Count == 0)
        {
            yield break;
        }

        var per = paidOrders > 0 ? " (per paid order)" : "";
        yield return $"PostgreSQL over the load window{per}: commits, rollbacks, rows inserted, updated, deleted, connections opened";
        foreach (var (database, counts) in databases)
        {
            var values = counts.Take(Deadlocks).Select(c => paidOrders > 0 ? $"{(double)c / paidOrders,9:0.0}" : $"{c,9}");
            yield return $"  {database,-16} {string.Join(' ', values)}";
        }

        var deadlocked = databases.Where(d => d.Counts[Deadlocks] > 0).Select(d => $"{d.Database} {d.Counts[Deadlocks]}").ToList();
        yield return $"deadlocks over the load window (totals): {(deadlocked.Count == 0 ? "none" : string.Join(", ", deadlocked))}";
    }

    private static async Task<Dictionary<string, long[]>> SnapshotAsync(string connectionString, CancellationToken ct)
    {
        var result = new Dictionary<string, long[]>();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(Query, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result[reader.GetString(0)] = [.. Enumerable.Range(1, reader.FieldCount - 1).Select(reader.GetInt64)];
            }
        }
        catch (NpgsqlException)
        {
            // The figures are a report's extra: a run against a database it cannot read still runs.
        }

        return result;
    }
}
