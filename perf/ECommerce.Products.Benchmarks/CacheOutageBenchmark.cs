using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

/// <summary>
/// <c>--cache-outage</c>: catalog list and detail reads with the cache's Redis up, killed, and started again, one
/// caller at a time, printing p50/p95/max per phase. Each phase reads its own keys five times over, so a fifth of the
/// reads miss the in-memory layer and show what Redis (or its absence) costs.
/// </summary>
internal static class CacheOutageBenchmark
{
    public static async Task RunAsync(int reads)
    {
        var postgres = await PostgresServer.GetAsync();
        await using var redis = await StoppableRedisServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync("bench_outage_products");
        var messaging = await postgres.CreateDatabaseAsync("bench_outage_messaging");
        await using var factory = new WebApplicationFactory<ProductsDbContext>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:productsdb", database)
            .UseSetting("ConnectionStrings:messaging", messaging)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            .UseSetting("urls", $"http://127.0.0.1:{FreePort.Next()}")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            // HybridCache logs every failed Redis write during the outage; the breaker's own line says it once.
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Extensions.Caching.Hybrid", LogLevel.Error)));
        factory.UseKestrel();
        using var client = factory.CreateClient();

        var ids = JsonDocument.Parse(await client.GetStringAsync("/api/products?limit=100&sort=newest")).RootElement.GetProperty("items")
            .EnumerateArray().Concat(JsonDocument.Parse(await client.GetStringAsync("/api/products?limit=100&sort=price_asc")).RootElement.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetString()!).Distinct().ToList();
        Console.WriteLine($"Catalog cache outage benchmark — {Environment.ProcessorCount} cores, one caller, {reads} reads per phase (half list, half detail)");
        Console.WriteLine();
        Console.WriteLine("| phase | read | p50 ms | p95 ms | max ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");

        await MeasureAsync(client, "Redis up", 0, reads, ids);
        redis.Kill();
        await MeasureAsync(client, "Redis killed", 1, reads, ids);
        await redis.StartAsync();
        var recovery = Stopwatch.StartNew();
        while (!(await client.GetStringAsync("/health")).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
        {
            await Task.Delay(100);
        }

        var healthy = recovery.Elapsed;
        await MeasureAsync(client, "Redis restarted", 2, reads, ids);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/health Healthy again {healthy.TotalSeconds:F1} s after Redis restarted."));
    }

    private static async Task MeasureAsync(HttpClient client, string phase, int phaseIndex, int reads, List<string> ids)
    {
        // Keys of this phase only: details of their own products, lists of their own sizes and sort.
        var distinct = Math.Max(1, reads / 10);
        var sort = new[] { "price_asc", "price_desc", "newest" }[phaseIndex];
        var list = new List<double>();
        var detail = new List<double>();
        for (var i = 0; i < reads; i++)
        {
            var key = (i / 2) % distinct;
            var isList = i % 2 == 1;
            var url = isList ? $"/api/products?limit={1 + key}&sort={sort}" : $"/api/products/{ids[(phaseIndex * distinct + key) % ids.Count]}";
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            (isList ? list : detail).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Print(phase, "list", list);
        Print(phase, "detail", detail);
    }

    private static void Print(string phase, string kind, List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {kind} | {sorted[sorted.Length / 2]:F1} | {sorted[(int)(sorted.Length * 0.95)]:F1} | {sorted[^1]:F1} |"));
    }
}
