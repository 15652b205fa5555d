using Npgsql;

namespace ECommerce.LoadGenerator;

/// <summary>
/// The statements PostgreSQL spent its time on during a load window, from <c>pg_stat_statements</c> (the AppHost's local
/// server preloads it when the installation has it): per statement its database, calls and execution time per paid
/// order. Resets the statistics at the start; a server without the module gives an empty report.
/// </summary>
public sealed class StatementLedger
{
    private const int Shown = 15;

    private const string Query = """
        SELECT d.datname, s.calls, s.total_exec_time, s.rows, regexp_replace(s.query, '\s+', ' ', 'g')
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        ORDER BY s.total_exec_time DESC
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
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            statements.Add(new Statement(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4)));
        }

        return statements;
    }

    /// <summary>Totals per database, then the costliest statements, each per paid order.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Statement> statements, long paidOrders)
    {
        if (statements.Count == 0 || paidOrders <= 0)
        {
            yield break;
        }

        yield return "pg_stat_statements over the load window, per paid order: calls, execution ms (top statements by time)";
        foreach (var database in statements.GroupBy(s => s.Database).OrderByDescending(g => g.Sum(s => s.TotalMs)))
        {
            yield return $"  {database.Key,-16} {(double)database.Sum(s => s.Calls) / paidOrders,7:0.0} calls {database.Sum(s => s.TotalMs) / paidOrders,7:0.00} ms";
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
    }

    private static string Line(Statement s, long paidOrders)
    {
        var text = s.Text.Length > 110 ? s.Text[..110] + "…" : s.Text;
        return $"  {s.Database,-13} {(double)s.Calls / paidOrders,6:0.0} {s.TotalMs / paidOrders,7:0.000} ms  {text}";
    }

    public sealed record Statement(string Database, long Calls, double TotalMs, long Rows, string Text);
}
