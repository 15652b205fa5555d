using System.Diagnostics;
using System.Globalization;
using ECommerce.Gateway.Benchmarks;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search.Semantic;
using ECommerce.Products.Seeding;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.Products.Benchmarks;

/// <summary>
/// <c>--gateway-search</c>: hybrid search through the real gateway at each catalog size. Per size: a fresh database
/// migrated by the service, filled with a <see cref="GeneratedCatalog"/> and its embeddings, then two Products hosts
/// on Kestrel (catalog cache off and on; PostgreSQL and Redis real) each behind its own YARP gateway process (as the
/// Gateway benchmark starts it). Prints each replica's start (first answer vs index loaded, and the index's memory),
/// then p50/p95/p99 and req/s per query kind, cache and target, direct and through the gateway in the same run.
/// </summary>
internal static class GatewaySearchBenchmark
{
    private static readonly (string Kind, string Query)[] Queries =
    [
        ("synonym", "mug"), ("descriptive", "something to keep tea warm"), ("typo", "tepot"), ("category word", "stationery"),
    ];

    public static async Task RunAsync(string root, IReadOnlyList<int> sizes, int seconds, int concurrency, int embedThreads, string? only, bool cachedOnly)
    {
        var gatewayDll = Path.Combine(root, "services", "Gateway", "bin", "Release", "net10.0", "ECommerce.Gateway.dll");
        if (!File.Exists(gatewayDll))
        {
            throw new FileNotFoundException($"Build first: dotnet build -c Release perf/ECommerce.Products.Benchmarks ({gatewayDll} is missing)");
        }

        var postgres = await PostgresServer.GetAsync();
        var redis = await RedisServer.GetAsync();
        var rows = new List<string>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"— {size:N0} generated products");
            var database = await postgres.CreateDatabaseAsync($"bench_search_{size}");
            var messaging = await postgres.CreateDatabaseAsync($"bench_search_msg_{size}");
            await using (var migrator = Host(database, messaging, redis.ConnectionString, caching: false, semantic: false, out _))
            {
                using var _ = migrator.CreateClient(); // starting the host migrates the database
            }

            var watch = Stopwatch.StartNew();
            var items = GeneratedCatalog.Generate(size, SeedCategories.Brands);
            var texts = GeneratedCatalogLoader.Texts(items);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {size:N0} products in {watch.Elapsed.TotalSeconds:F1} s"));
            var vectors = await GeneratedCatalogLoader.EmbedAsync(texts, embedThreads, Console.Out, cachedOnly);
            watch.Restart();
            await GeneratedCatalogLoader.LoadAsync(database, items, vectors, texts);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"binary COPY of products, stock and embeddings: {watch.Elapsed.TotalSeconds:F1} s"));
            vectors = null;
            texts.Clear();

            var hosts = new List<(string Cache, WebApplicationFactory<ProductsDbContext> Host, string Direct, ChildProcess Gateway, string Via)>();
            try
            {
                foreach (var caching in new[] { false, true })
                {
                    var host = Host(database, messaging, redis.ConnectionString, caching, semantic: true, out var direct);
                    var (firstAnswer, ready, bytes) = await StartAsync(host, direct, size);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"replica (cache {(caching ? "on" : "off")}): first search answered {firstAnswer:F1} s after start, index of {size:N0} loaded {ready:F1} s after start, managed heap +{bytes / 1e6:F0} MB (index arrays {host.Services.GetRequiredService<SemanticIndex>().ReservedBytes / 1e6:F0} MB)"));
                    var via = $"http://127.0.0.1:{FreePort.Next()}";
                    var gateway = StartGateway(root, direct, via);
                    hosts.Add((caching ? "on" : "off", host, direct, gateway, via));
                }

                using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
                foreach (var h in hosts)
                {
                    await h.Gateway.WaitUntilAnswersAsync(http, h.Via + "/api/products?limit=1", TimeSpan.FromMinutes(1));
                }

                foreach (var (kind, query) in Queries.Where(q => only is null || q.Kind.Contains(only, StringComparison.OrdinalIgnoreCase)))
                {
                    var path = $"/api/products?q={Uri.EscapeDataString(query)}&limit=24";
                    foreach (var h in hosts)
                    {
                        // Direct and through the gateway back to back, so both see the same machine load.
                        var direct = await LoadRun.RunAsync(http, h.Direct + path, TimeSpan.FromSeconds(seconds), concurrency, null);
                        var gateway = await LoadRun.RunAsync(http, h.Via + path, TimeSpan.FromSeconds(seconds), concurrency, null);
                        foreach (var (target, r) in new[] { ("direct", direct), ("gateway", gateway) })
                        {
                            rows.Add(string.Create(CultureInfo.InvariantCulture,
                                $"| {size:N0} | {kind} \"{query}\" | {h.Cache} | {target} | {r.Rps:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {(target == "gateway" ? (gateway.P50 - direct.P50).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) : "")} |"));
                        }

                        Console.WriteLine(rows[^2]);
                        Console.WriteLine(rows[^1]);
                    }
                }
            }
            finally
            {
                foreach (var h in hosts)
                {
                    h.Gateway.Dispose();
                    await h.Host.DisposeAsync();
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Hybrid search through the gateway — {Environment.ProcessorCount} cores, {concurrency} concurrent clients, {seconds} s per run, load average {LoadAverage()}"));
        Console.WriteLine("| products | query | cache | target | requests/s | p50 ms | p95 ms | p99 ms | gateway adds (p50 ms) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>
    /// Starts a replica and times two things: its first answered search (start-up must not wait for the index: until it
    /// is loaded searches are lexical) and its index holding every embedding; and the managed heap that added.
    /// </summary>
    private static async Task<(double FirstAnswer, double Ready, long Bytes)> StartAsync(WebApplicationFactory<ProductsDbContext> host, string direct, int size)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        using (host.CreateClient())
        {
        }

        using var http = new HttpClient();
        (await http.GetAsync(direct + "/api/products?q=mug&limit=1")).EnsureSuccessStatusCode();
        var firstAnswer = watch.Elapsed.TotalSeconds;
        await SemanticBenchmarks.WaitForIndexAsync(host, size);
        var ready = watch.Elapsed.TotalSeconds;
        if (host.Services.GetRequiredService<SemanticIndex>().Count < size)
        {
            throw new InvalidOperationException("The index did not load every embedding.");
        }

        return (firstAnswer, ready, GC.GetTotalMemory(forceFullCollection: true) - before);
    }

    private static WebApplicationFactory<ProductsDbContext> Host(string database, string messaging, string redis, bool caching, bool semantic, out string url)
    {
        url = $"http://127.0.0.1:{FreePort.Next()}";
        var listen = url;
        var factory = new WebApplicationFactory<ProductsDbContext>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:productsdb", database)
            .UseSetting("ConnectionStrings:messaging", messaging)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("ConnectionStrings:cache", redis)
            .UseSetting("Products:Seed:Enabled", "false")
            .UseSetting("Products:Search:Semantic:Enabled", semantic ? "true" : "false")
            .UseSetting("urls", listen)
            .UseSetting("Products:Caching:Enabled", caching ? "true" : "false")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
        factory.UseKestrel();
        return factory;
    }

    private static ChildProcess StartGateway(string root, string products, string listen)
    {
        var dll = Path.Combine(root, "services", "Gateway", "bin", "Release", "net10.0", "ECommerce.Gateway.dll");
        return new ChildProcess("dotnet", [dll, "--urls", listen], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ReverseProxy__Clusters__products__Destinations__primary__Address"] = products,
            // As in the Gateway benchmark: one load generator is one client; this measures proxying, not limiting.
            ["Gateway__RateLimiting__PermitsPerClientPerWindow"] = "1000000000",
            ["Gateway__RateLimiting__GlobalConcurrentRequests"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        }, Path.GetDirectoryName(dll));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
