using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ECommerce.Products.Caching;
using ECommerce.Products.Catalog;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Products.Benchmarks;

/// <summary>
/// <c>--lookups</c>: what one live lookup of three products costs, the call carts and checkout make several times per
/// order. First, on one open connection, the CPU of the statement in this process and in its PostgreSQL backend, with
/// <c>SELECT 1</c> beside it for the floor of a round trip. Then this process's CPU per lookup in alternating rounds of N
/// lookups per way, each in its own DI scope: as Products runs it now (one parameter per id), as before (one array
/// parameter), as a compiled query, and through Npgsql alone. The first two rounds warm up (the JIT); the others are printed.
/// </summary>
public static class LookupCostRun
{
    private const int Rounds = 6;

    private const int WarmUpRounds = 2;

    public static async Task<string> RunAsync(IServiceProvider services, string connectionString, int lookups, CancellationToken cancellationToken)
    {
        Guid[] ids;
        await using (var scope = services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<ProductsDbContext>().Products
                .Where(p => p.Active).OrderBy(p => p.Sku).Select(p => p.Id).Take(3).ToArrayAsync(cancellationToken);
        }

        // The two hosts in this process keep polling (outbox, queues, caches) while nothing calls them: their rate is
        // measured first and taken off each round in proportion to its length, so a slower way is not charged more of it.
        var postgres = await PostgresCpu.OfServerAsync(connectionString);
        var (idleCpu, idleServer, idleStarted) = (Process.GetCurrentProcess().TotalProcessorTime, postgres.Total(), Stopwatch.GetTimestamp());
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var idleWall = Stopwatch.GetElapsedTime(idleStarted).TotalMilliseconds;
        var idle = (Process.GetCurrentProcess().TotalProcessorTime - idleCpu).TotalMilliseconds / idleWall;
        var serverIdle = (postgres.Total() - idleServer).TotalMilliseconds / idleWall;

        string sql;
        await using (var scope = services.CreateAsyncScope())
        {
            // EF's own statement for the lookup, run by Npgsql alone below: what EF costs on top of the round trip itself.
            var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
            sql = LinqQuery(db, ids).ToQueryString();
            sql = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        }

        var ways = new (string Name, Func<IServiceProvider, Task<int>> Lookup)[]
        {
            ("one parameter per id (as shipped)", async sp => (await sp.GetRequiredService<ProductReads>().LookupAsync(ids, cancellationToken)).Count),
            ("one array parameter (before)", async sp => (await LinqLookupAsync(sp, ids, cancellationToken)).Count),
            ("one array parameter, a compiled query (not adopted)", async sp => (await CompiledLookupAsync(sp, ids, cancellationToken)).Count),
            ("the array's statement through Npgsql alone", async sp => (await RawLookupAsync(sp, sql, ids, cancellationToken)).Count),
        };

        var perLookup = ways.ToDictionary(w => w.Name, _ => new List<double>());
        var serverPerLookup = ways.ToDictionary(w => w.Name, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, lookup) in ways)
            {
                var (before, serverBefore, started) = (Process.GetCurrentProcess().TotalProcessorTime, postgres.Total(), Stopwatch.GetTimestamp());
                for (var i = 0; i < lookups; i++)
                {
                    await using var scope = services.CreateAsyncScope();
                    if (await lookup(scope.ServiceProvider) != ids.Length)
                    {
                        throw new InvalidOperationException($"{name} did not find the {ids.Length} products.");
                    }
                }

                if (round >= WarmUpRounds)
                {
                    var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    perLookup[name].Add(Busy(before, started, idle) / lookups);
                    serverPerLookup[name].Add(((postgres.Total() - serverBefore).TotalMilliseconds - serverIdle * wall) / lookups);
                }
            }
        }

        var floor = await RoundTripFloorAsync(connectionString, sql, ids, lookups, idle, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"idle: this process {idle * 1000:0.0} ms CPU a second, PostgreSQL {serverIdle * 1000:0.0}, taken off each round")
            + Environment.NewLine + floor + Environment.NewLine
            + string.Join(Environment.NewLine, perLookup.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Key}: {Median(p.Value):0.000} ms CPU here and {Median(serverPerLookup[p.Key]):0.000} ms in PostgreSQL per lookup of {ids.Length} (rounds here: {string.Join(", ", p.Value.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))})")));
    }

    /// <summary>The lookup as it read before 2026-12-07 (fifth sitting): the same statement and result, from LINQ on each call.</summary>
    private static async Task<List<ProductLookupItem>> LinqLookupAsync(IServiceProvider services, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProductsDbContext>();
        var tree = await services.GetRequiredService<CatalogLookups>().GetAsync(ct);
        return await LinqQuery(db, ids).AsAsyncEnumerable().Select(p => p.ToItem(tree)).ToListAsync(ct);
    }

    private static async Task<List<ProductLookupItem>> CompiledLookupAsync(IServiceProvider services, Guid[] ids, CancellationToken ct)
    {
        var tree = await services.GetRequiredService<CatalogLookups>().GetAsync(ct);
        return await Compiled(services.GetRequiredService<ProductsDbContext>(), ids).Select(p => p.ToItem(tree)).ToListAsync(ct);
    }

    private static IQueryable<Row> LinqQuery(ProductsDbContext db, IReadOnlyCollection<Guid> ids) =>
        db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(Projection);

    private static readonly System.Linq.Expressions.Expression<Func<Product, Row>> Projection = p => new Row
    {
        Id = p.Id,
        Sku = p.Sku,
        Name = p.Name,
        Slug = p.Slug,
        Price = p.Price,
        Currency = p.Currency,
        Available = p.Stock == null ? 0 : p.Stock.Available,
        Active = p.Active,
        TaxClass = p.TaxClass,
        WeightGrams = p.WeightGrams,
        CategoryId = p.CategoryId,
        CategorySlug = p.Category!.Slug,
        Options = p.Family == null ? null : p.Family.Options,
        OptionValues = p.OptionValues,
        Image = p.Images.OrderBy(i => i.SortOrder).Select(i => i.FileName).FirstOrDefault(),
    };

    // EF.MultipleParameters cannot take a compiled query's parameter, so a compiled lookup keeps the array.
    private static readonly Func<ProductsDbContext, Guid[], IAsyncEnumerable<Row>> Compiled =
        EF.CompileAsyncQuery((ProductsDbContext db, Guid[] ids) => db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(Projection));

    /// <summary>EF's statement through Npgsql alone, columns read by position, the JSON columns parsed as EF would.</summary>
    private static async Task<List<ProductLookupItem>> RawLookupAsync(IServiceProvider services, string sql, Guid[] ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProductsDbContext>();
        var tree = await services.GetRequiredService<CatalogLookups>().GetAsync(ct);
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(ParameterName(sql), ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<ProductLookupItem>(ids.Length);
        while (await reader.ReadAsync(ct))
        {
            var row = new Row
            {
                Id = reader.GetGuid(0),
                Sku = reader.GetString(1),
                Name = reader.GetString(2),
                Slug = reader.GetString(3),
                Price = reader.GetDecimal(4),
                Currency = reader.GetString(5),
                Available = reader.GetInt32(6),
                Active = reader.GetBoolean(7),
                TaxClass = reader.GetString(8),
                WeightGrams = reader.GetInt32(9),
                CategoryId = reader.GetInt32(10),
                CategorySlug = reader.GetString(11),
                Options = reader.IsDBNull(12) ? null : JsonSerializer.Deserialize<List<ProductOption>>(reader.GetString(12), JsonSerializerOptions.Web),
                OptionValues = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(13), JsonSerializerOptions.Web) ?? [],
                Image = reader.IsDBNull(14) ? null : reader.GetString(14),
            };
            items.Add(row.ToItem(tree));
        }

        return items;
    }

    /// <summary>
    /// On one open connection, no DI scope or pool: the CPU of <c>SELECT 1</c> and of the lookup's statement, in this
    /// process and in the PostgreSQL backend serving it (its /proc/&lt;pid&gt;/stat): what a round trip costs before any
    /// library work.
    /// </summary>
    private static async Task<string> RoundTripFloorAsync(string connectionString, string sql, Guid[] ids, int count, double idle, CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var pid = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await pid.ExecuteScalarAsync(ct))!;
        await using var one = new Npgsql.NpgsqlCommand("SELECT 1", connection);
        await using var lookup = new Npgsql.NpgsqlCommand(sql, connection);
        lookup.Parameters.AddWithValue(ParameterName(sql), ids);
        // The same statement with one scalar parameter per id (EF's MultipleParameters translation): PostgreSQL keeps a
        // generic plan for it after five runs, where the array parameter above is planned afresh on every run.
        var scalarSql = sql.Replace($"= ANY ({ParameterName(sql)})", "IN (" + string.Join(", ", ids.Select((_, i) => $"@id{i}")) + ")", StringComparison.Ordinal);
        await using var scalar = new Npgsql.NpgsqlCommand(scalarSql, connection);
        for (var i = 0; i < ids.Length; i++)
        {
            scalar.Parameters.AddWithValue($"id{i}", ids[i]);
        }

        await one.PrepareAsync(ct);
        await lookup.PrepareAsync(ct);
        await scalar.PrepareAsync(ct);
        var lines = new List<string>();
        foreach (var (name, command, generic) in new[] { ("SELECT 1", one, false), ("the lookup's statement", lookup, false), ("the lookup's statement, one parameter per id", scalar, false), ("the lookup's statement, generic plan", lookup, true) })
        {
            if (generic)
            {
                // PostgreSQL plans a prepared statement with an array parameter afresh on every execution (a custom plan);
                // this is what one plan kept for all executions would cost instead.
                await using var set = new Npgsql.NpgsqlCommand("SET plan_cache_mode = force_generic_plan", connection);
                await set.ExecuteNonQueryAsync(ct);
            }

            var (client, server) = (new List<double>(), new List<double>());
            for (var round = 0; round < Rounds; round++)
            {
                var (clientBefore, serverBefore, started) = (Process.GetCurrentProcess().TotalProcessorTime, PostgresCpu.OfProcess(backend), Stopwatch.GetTimestamp());
                for (var i = 0; i < count; i++)
                {
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct))
                    {
                    }
                }

                if (round >= WarmUpRounds)
                {
                    client.Add(Busy(clientBefore, started, idle) / count);
                    server.Add((PostgresCpu.OfProcess(backend) - serverBefore).TotalMilliseconds / count);
                }
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} on one open connection (the floor): {Median(client):0.000} ms CPU here, {Median(server):0.000} ms in the PostgreSQL backend per statement"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>This process's CPU since <paramref name="cpuBefore"/>, less its idle rate over the same wall time, in ms.</summary>
    private static double Busy(TimeSpan cpuBefore, long started, double idle) =>
        (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds - idle * Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string ParameterName(string sql) =>
        System.Text.RegularExpressions.Regex.Match(sql, "@[A-Za-z0-9_]+").Value;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public required string Sku { get; init; }
        public required string Name { get; init; }
        public required string Slug { get; init; }
        public decimal Price { get; init; }
        public required string Currency { get; init; }
        public int Available { get; init; }
        public bool Active { get; init; }
        public required string TaxClass { get; init; }
        public int WeightGrams { get; init; }
        public int CategoryId { get; init; }
        public required string CategorySlug { get; init; }
        public List<ProductOption>? Options { get; init; }
        public required Dictionary<string, string> OptionValues { get; init; }
        public string? Image { get; init; }

        /// <summary>The lookup's answer for this row, as ProductReads makes it.</summary>
        public ProductLookupItem ToItem(CategoryTree tree) => new(Id, Sku, Name, Slug, Price, Currency, Available, Active,
            ImageUrls.ForProduct(Image, Id, Name, CategorySlug), TaxClass, WeightGrams, tree.CategoryAndAncestors(CategoryId),
            Options is null ? null : FamilyRules.Label(Options, OptionValues));
    }
}
