using Npgsql;

namespace ECommerce.LoadGenerator;

/// <summary>
/// The statements PostgreSQL spent its time on during a load window, from <c>pg_stat_statements</c> (the AppHost's local
/// server preloads it when the installation has it): per statement its database, calls, execution time and planning
/// time per paid order. Resets the statistics at the start and tracks planning for the window only (a statement planned
/// afresh on every call, as one with an array parameter can be, shows there and nowhere else); a server without the
/// module gives an empty report.
/// </summary>
public sealed class StatementLedger
{
    private const int Shown = 15;

    private const string Query = """
        SELECT d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\s+', ' ', 'g'), s.plans, s.total_plan_time
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        ORDER BY s.total_exec_time + s.total_plan_time DESC
        LIMIT 500
        """;

    private readonly string? _connectionString;

    private StatementLedger(string? connectionString) => _connectionString = connectionString;

    public static async Task<StatementLedger> StartAsync(IReadOnlyDictionary<string, string> connectionStrings, CancellationToken ct)
    {
        var any = connectionStrings.TryGetValue("messaging", out var messaging) ? messaging : connectionStrings.Values.FirstOrDefault();
        if (any is null)
        {
            return new StatementLedger(null);
        }

        try
        {
            await using var connection = new NpgsqlConnection(any);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
            await command.ExecuteNonQueryAsync(ct);
            await TrackPlanningAsync(connection, true, ct);
            return new StatementLedger(any);
        }
        catch (PostgresException)
        {
            // The module is not loaded (another server, or an installation without it): the report goes without.
            return new StatementLedger(null);
        }
    }

    public async Task<IReadOnlyList<Statement>> StopAsync(CancellationToken ct)
    {
        if (_connectionString is null)
        {
            return [];
        }

        var statements = new List<Statement>();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand(Query, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                statements.Add(new Statement(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4),
                    reader.GetInt64(5), reader.GetDouble(6)));
            }
        }

        await TrackPlanningAsync(connection, false, ct);
        return statements;
    }

    /// <summary>
    /// Planning is tracked only while the ledger runs (the module's own default is off: it costs a little on every
    /// statement); <c>ALTER SYSTEM</c> needs a statement of its own, outside any transaction, and a reload to apply.
    /// </summary>
    private static async Task TrackPlanningAsync(NpgsqlConnection connection, bool on, CancellationToken ct)
    {
        await using (var set = new NpgsqlCommand(on ? "ALTER SYSTEM SET pg_stat_statements.track_planning = on" : "ALTER SYSTEM RESET pg_stat_statements.track_planning", connection))
        {
            await set.ExecuteNonQueryAsync(ct);
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Totals per database, then the costliest statements, each per paid order.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Statement> statements, long paidOrders)
    {
        if (statements.Count == 0 || paidOrders <= 0)
        {
            yield break;
        }

        yield return "pg_stat_statements over the load window, per paid order: calls, execution ms, planning ms (plans made) (top statements by time)";
        foreach (var database in statements.GroupBy(s => s.Database).OrderByDescending(g => g.Sum(s => s.TotalMs + s.PlanMs)))
        {
            yield return $"  {database.Key,-16} {(double)database.Sum(s => s.Calls) / paidOrders,7:0.0} calls {database.Sum(s => s.TotalMs) / paidOrders,7:0.00} ms"
                + $" {database.Sum(s => s.PlanMs) / paidOrders,7:0.00} ms ({(double)database.Sum(s => s.Plans) / paidOrders:0.0})";
        }

        foreach (var s in statements.Take(Shown))
        {
            yield return Line(s, paidOrders);
        }

        // Every statement is a round trip with its own parse, plan and protocol work, which execution time leaves out.
        yield return "  most called:";
        foreach (var s in statements.OrderByDescending(s => s.Calls).Take(Shown))
        {
            yield return Line(s, paidOrders);
        }

        // A prepared statement is planned once per connection unless PostgreSQL keeps choosing a custom plan for it.
        yield return "  most planning:";
        foreach (var s in statements.Where(s => s.PlanMs > 0).OrderByDescending(s => s.PlanMs).Take(Shown / 2))
        {
            yield return Line(s, paidOrders);
        }
    }

    private static string Line(Statement s, long paidOrders)
    {
        var text = s.Text.Length > 110 ? s.Text[..110] + "…" : s.Text;
        return $"  {s.Database,-13} {(double)s.Calls / paidOrders,6:0.0} {s.TotalMs / paidOrders,7:0.000} ms {s.PlanMs / paidOrders,6:0.000} ms ({(double)s.Plans / paidOrders:0.0})  {text}";
    }

    public sealed record Statement(string Database, long Calls, double TotalMs, long Rows, string Text, long Plans, double PlanMs);
}
