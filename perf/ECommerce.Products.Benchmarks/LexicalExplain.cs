using System.Diagnostics;
using System.Globalization;
using ECommerce.Products.Persistence;
using ECommerce.Products.Seeding;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace ECommerce.Products.Benchmarks;

/// <summary>
/// <c>--explain-search [--sizes 100000]</c>: the lexical half of a hybrid search on a generated catalog (no
/// embeddings needed), under EXPLAIN ANALYZE: the statement that picks the fusion's lexical candidates and the count
/// a search page makes, each with the name-similarity test as the service writes it (<c>word_similarity(q, Name) &gt;
/// 0.35</c>, which no index serves) and as the <c>&lt;%</c> operator with the same threshold (which the trigram index
/// serves). Prints each plan's top node and execution time.
/// </summary>
internal static class LexicalExplain
{
    private static readonly string[] Queries = ["mug", "something to keep tea warm", "tepot", "stationery"];

    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        var postgres = await PostgresServer.GetAsync();
        foreach (var size in sizes)
        {
            var database = await postgres.CreateDatabaseAsync($"bench_explain_{size}");
            var messaging = await postgres.CreateDatabaseAsync($"bench_explain_msg_{size}");
            await using (var migrator = new WebApplicationFactory<ProductsDbContext>().WithWebHostBuilder(web => web
                .UseEnvironment("Development")
                .UseSetting("ConnectionStrings:productsdb", database)
                .UseSetting("ConnectionStrings:messaging", messaging)
                .UseSetting("Messaging:Transport", "postgres")
                .UseSetting("Products:Seed:Enabled", "false")
                .UseSetting("Products:Caching:Enabled", "false")
                .UseSetting("Products:Search:Semantic:Enabled", "false")))
            {
                using var _ = migrator.CreateClient();
            }

            var items = GeneratedCatalog.Generate(size, SeedCategories.Brands);
            var watch = Stopwatch.StartNew();
            await GeneratedCatalogLoader.LoadAsync(database, items, null, []);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"— {size:N0} generated products (binary COPY {watch.Elapsed.TotalSeconds:F1} s)"));
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await ExecuteAsync(connection, "SET pg_trgm.word_similarity_threshold = 0.35");
            Console.WriteLine("| query | statement | similarity test | matches | execution ms | plan |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var query in Queries)
            {
                foreach (var (test, similar) in new[] { ("word_similarity > 0.35", "word_similarity($1, p.\"Name\") > 0.35"), ("<% (trigram index)", "$1 <% p.\"Name\"") })
                {
                    var where = $"p.\"Active\" AND (p.\"SearchVector\" @@ websearch_to_tsquery('english', $1) OR {similar})";
                    var statements = new[]
                    {
                        ("fusion's lexical top 100", $"SELECT p.\"Id\" FROM products p WHERE {where} ORDER BY ts_rank(p.\"SearchVector\", websearch_to_tsquery('english', $1)) + word_similarity($1, p.\"Name\") DESC, p.\"Id\" LIMIT 100"),
                        ("page count", $"SELECT count(*) FROM products p WHERE {where}"),
                    };
                    foreach (var (name, sql) in statements)
                    {
                        // Twice: the first run warms the buffer cache; the second is the one reported.
                        await ExplainAsync(connection, sql, query);
                        var (plan, ms, rows) = await ExplainAsync(connection, sql, query);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| \"{query}\" | {name} | {test} | {rows} | {ms:F1} | {plan} |"));
                    }
                }
            }

            await using var count = new NpgsqlCommand("SELECT count(*) FROM products p WHERE word_similarity('tepot', p.\"Name\") > 0.35", connection);
            Console.WriteLine($"(\"tepot\" is similar to {await count.ExecuteScalarAsync()} names)");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The plan's scan nodes (one line), execution time and the rows the WHERE matched.</summary>
    private static async Task<(string Plan, double Ms, string Rows)> ExplainAsync(NpgsqlConnection connection, string sql, string query)
    {
        await using var command = new NpgsqlCommand($"EXPLAIN (ANALYZE, COSTS OFF) {sql}", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        var ms = double.Parse(lines.Last(l => l.StartsWith("Execution Time", StringComparison.Ordinal)).Split(' ')[2], CultureInfo.InvariantCulture);
        var scans = lines.Where(l => l.Contains("Scan", StringComparison.Ordinal) || l.Contains("BitmapOr", StringComparison.Ordinal))
            .Select(l => l.Trim().TrimStart('-', '>', ' ').Split("  (")[0]).Distinct();
        var matched = lines.FirstOrDefault(l => l.Contains("Scan on products", StringComparison.Ordinal)) is { } scan && scan.Contains("rows=", StringComparison.Ordinal)
            ? scan[(scan.IndexOf("rows=", StringComparison.Ordinal) + 5)..].Split(' ')[0]
            : "?";
        return (string.Join("; ", scans), ms, matched);
    }
}
