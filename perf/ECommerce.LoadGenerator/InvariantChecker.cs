using Npgsql;

namespace ECommerce.LoadGenerator;

/// <summary>
/// Checks the system's promises by querying each service's database directly (not its API, which could hide a
/// problem): stock never oversold, every order settles or times out, every capture belongs to an order and happens
/// once, cancelled orders give the money back, and no message is lost (outboxes drained, no dead letters).
/// </summary>
public sealed class InvariantChecker(IReadOnlyDictionary<string, string> connectionStrings)
{
    /// <summary>The connection strings it needs, by AppHost resource name.</summary>
    public static readonly string[] Databases = ["productsdb", "ordersdb", "paymentsdb", "authdb", "usersdb", "aidb", "messaging"];

    // Orders' own timeouts (Orders:Timeouts) plus one sweep interval and a little slack.
    private const string StuckSql = """
        SELECT count(*) FROM orders
        WHERE (status = 'Pending' AND status_changed_at < now() - interval '5 minutes 45 seconds')
           OR (status = 'StockReserved' AND status_changed_at < now() - interval '15 minutes 45 seconds')
        """;

    // Reserved must equal what open reservations hold: an unpaid one's lines, and a paid (committed) one's lines not yet
    // shipped, since units turn sold at shipment. Both counts must be >= 0 (CHECK constraints, verified anyway).
    private const string ReservedMismatchSql = """
        SELECT count(*) FROM stock s
        LEFT JOIN (SELECT l."ProductId", sum(l."Quantity" - l."Shipped") AS held FROM reservation_lines l
                   JOIN reservations r ON r."Id" = l."ReservationId" WHERE r."Status" IN ('Reserved', 'Committed')
                   GROUP BY l."ProductId") h ON h."ProductId" = s."ProductId"
        WHERE s."Reserved" <> coalesce(h.held, 0)
        """;

    public async Task<InvariantReport> CheckAsync(CancellationToken ct)
    {
        var oversold = await ScalarAsync("productsdb", """SELECT count(*) FROM stock WHERE "Available" < 0 OR "Reserved" < 0""", ct);
        var mismatched = await ScalarAsync("productsdb", ReservedMismatchSql, ct);
        var stuck = await ScalarAsync("ordersdb", StuckSql, ct);
        var inFlight = await ScalarAsync("ordersdb", "SELECT count(*) FROM orders WHERE status IN ('Pending', 'StockReserved')", ct);

        // Cross-database checks: read the few columns needed from each side and compare in memory.
        var orders = await ReadAsync("ordersdb", "SELECT id, status, was_paid FROM orders", r => (Id: r.GetGuid(0), Status: r.GetString(1)), ct);
        var statusById = orders.ToDictionary(o => o.Id, o => o.Status);
        var payments = await ReadAsync("paymentsdb", "SELECT order_id, captured_minor::bigint, refunded_minor::bigint FROM payments",
            r => (OrderId: r.GetGuid(0), Captured: r.GetInt64(1), Refunded: r.GetInt64(2)), ct);
        var capturedTwice = await ScalarAsync("paymentsdb",
            "SELECT count(*) FROM (SELECT order_id FROM ledger_entries WHERE kind = 'Captured' GROUP BY order_id HAVING count(*) > 1) t", ct);

        var withoutOrder = payments.Count(p => !statusById.ContainsKey(p.OrderId));
        var capturedByOrder = payments.ToDictionary(p => p.OrderId);
        var paidWithoutCapture = orders.Count(o => o.Status is "Paid" or "Shipped" or "Delivered"
            && (!capturedByOrder.TryGetValue(o.Id, out var p) || p.Captured == 0));
        // A refund follows the cancellation through two more messages; only a settled system is judged on it.
        var keepingMoney = payments.Count(p => statusById.GetValueOrDefault(p.OrderId) == "Cancelled" && p.Captured > p.Refunded);

        var deadLetters = await ScalarAsync("messaging", "SELECT count(*) FROM messaging.dead_letters", ct);
        var unsent = new Dictionary<string, long>();
        foreach (var database in Databases.Where(d => d != "messaging" && connectionStrings.ContainsKey(d)))
        {
            unsent[database] = await ScalarAsync(database, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", ct);
        }

        return new InvariantReport(oversold, mismatched, stuck, inFlight, withoutOrder, capturedTwice, paidWithoutCapture,
            keepingMoney, deadLetters, unsent);
    }

    /// <summary>Messages not yet handled: queued in the transport plus unsent outbox rows. Zero means the system is quiet.</summary>
    public async Task<long> PendingMessagesAsync(CancellationToken ct)
    {
        var pending = await ScalarAsync("messaging", "SELECT count(*) FROM messaging.queue", ct);
        foreach (var database in Databases.Where(d => d != "messaging" && connectionStrings.ContainsKey(d)))
        {
            pending += await ScalarAsync(database, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", ct);
        }

        return pending;
    }

    /// <summary>Waits until no message is pending and no order is in flight (or the time is up); returns how long it took.</summary>
    public async Task<TimeSpan> WaitUntilSettledAsync(TimeSpan limit, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if (await PendingMessagesAsync(ct) == 0
                    && await ScalarAsync("ordersdb", "SELECT count(*) FROM orders WHERE status IN ('Pending', 'StockReserved')", ct) == 0)
                {
                    return clock.Elapsed;
                }
            }
            catch (NpgsqlException)
            {
                // The database may be restarting (fault runs); keep waiting.
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        return clock.Elapsed;
    }

    private async Task<long> ScalarAsync(string database, string sql, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<T>> ReadAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionStrings.TryGetValue(database, out var cs)
            ? cs : throw new InvalidOperationException($"No connection string for '{database}' (pass --connection {database}=...)."));
        await connection.OpenAsync(ct);
        return connection;
    }
}
