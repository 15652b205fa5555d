// Products read benchmark: the real service on Kestrel (real sockets) against a throwaway PostgreSQL seeded with the
// development catalog (the retail dataset when present) and a real Redis. Runs each scenario with the catalog cache
// on and off and prints requests per second and p50/p99 latency. Images are stored in a real Azurite (the npm package
// of tools/azurite: npm ci --prefix tools/azurite), as in the whole system; the catalog's depth scenarios (families,
// colour facet, a variant's page, image renditions) are in CatalogDepthScenarios.cs. With --cache-outage it instead
// measures reads while the cache's Redis is up, killed and restarted (CacheOutageBenchmark.cs). Semantic search is on,
// as deployed: the run waits for the background backfill to embed the catalog first. --search-eval prints the judged
// query set's NDCG@10 lexical vs hybrid instead; --index times the in-memory index and the model alone (SemanticBenchmarks.cs).
// --gateway-search measures hybrid search through the real gateway on generated catalogs of 600 and 100,000 products
// (GatewaySearchBenchmark.cs; --embed-cache N only fills their embedding cache); --explain-search shows the lexical
// statements' plans at those sizes (LexicalExplain.cs); --renditions the bytes and render time of each image rendition
// (RenditionBenchmark.cs); --lookups N the CPU of the live lookup carts call, here and in PostgreSQL, as shipped against
// before and a compiled query, with the floor of a round trip (LookupCostRun.cs). Usage and figures in docs/benchmarks.md.
using System.Diagnostics;
using System.Globalization;
using ECommerce.Products.Persistence;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

// The service's folder is services/Products, not the assembly name WebApplicationFactory guesses; tell it.
var repositoryRoot = new DirectoryInfo(AppContext.BaseDirectory);
while (!File.Exists(Path.Combine(repositoryRoot.FullName, "ECommerce.sln")))
{
    repositoryRoot = repositoryRoot.Parent ?? throw new InvalidOperationException("Run from inside the repository.");
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ECOMMERCE_PRODUCTS", Path.Combine(repositoryRoot.FullName, "services", "Products"));
if (args.Contains("--cache-outage"))
{
    await CacheOutageBenchmark.RunAsync(ArgValue("--reads", 500));
    return;
}

if (args.Contains("--embed-cache"))
{
    // Fills the on-disk embedding cache of a generated catalog (the slow part of a cold --gateway-search run).
    var items = ECommerce.Products.Benchmarks.GeneratedCatalog.Generate(ArgValue("--embed-cache", 100_000), ECommerce.Products.Seeding.SeedCategories.Brands);
    await ECommerce.Products.Benchmarks.GeneratedCatalogLoader.EmbedAsync(ECommerce.Products.Benchmarks.GeneratedCatalogLoader.Texts(items), ArgValue("--embed-threads", 2), Console.Out);
    return;
}

var sizes = (ArgText("--sizes") ?? "600,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
if (args.Contains("--explain-search"))
{
    // EXPLAIN ANALYZE of a hybrid search's lexical statements on generated catalogs (LexicalExplain.cs).
    await ECommerce.Products.Benchmarks.LexicalExplain.RunAsync(sizes);
    return;
}

if (args.Contains("--gateway-search"))
{
    // Hybrid search through the real gateway at generated catalog sizes (GatewaySearchBenchmark.cs).
    await ECommerce.Products.Benchmarks.GatewaySearchBenchmark.RunAsync(repositoryRoot.FullName, sizes, ArgValue("--seconds", 5), ArgValue("--concurrency", 8), ArgValue("--embed-threads", 2), ArgText("--only"), args.Contains("--cached-embeddings-only"));
    return;
}

if (args.Contains("--int8-recall"))
{
    // Recall@50 of an int8-quantised index against the float one, on cached generated embeddings (Int8Recall.cs).
    await ECommerce.Products.Benchmarks.Int8Recall.RunAsync(ArgValue("--int8-recall", 38_000));
    return;
}

if (args.Contains("--renditions"))
{
    await RenditionBenchmark.RunAsync(ArgValue("--runs", 3));
    return;
}

if (args.Contains("--index"))
{
    await SemanticBenchmarks.IndexAsync(ArgValue("--queries", 200));
    return;
}

var seconds = ArgValue("--seconds", 5);
var concurrency = ArgValue("--concurrency", 16);
var postgres = await PostgresServer.GetAsync();
var redis = await RedisServer.GetAsync();
var database = await postgres.CreateDatabaseAsync("bench_products");
var messaging = await postgres.CreateDatabaseAsync("bench_messaging");
var images = (await AzuriteServer.GetAsync()).ConnectionString;

var seedWatch = Stopwatch.StartNew();
await using var cached = Start(caching: true);
using var cachedClient = cached.CreateClient();
seedWatch.Stop();
await using var uncached = Start(caching: false);
using var uncachedClient = uncached.CreateClient();

Console.WriteLine($"Products read benchmark — {Environment.ProcessorCount} cores, {concurrency} concurrent clients, {seconds} s per run");
Console.WriteLine($"start with migration and seed: {seedWatch.Elapsed.TotalSeconds:F1} s");
var catalog = System.Text.Json.JsonDocument.Parse(await cachedClient.GetStringAsync("/api/products?limit=1")).RootElement.GetProperty("facets");
var products = await CountProductsAsync();
Console.WriteLine($"semantic index: {products} embeddings after {await SemanticBenchmarks.WaitForIndexAsync(cached, products):F1} s more (backfill in the background)");
await SemanticBenchmarks.WaitForIndexAsync(uncached, products);
if (args.Contains("--search-eval"))
{
    await SemanticBenchmarks.EvaluateAsync(uncached, repositoryRoot.FullName);
    return;
}

if (args.Contains("--lookups"))
{
    // In process, on the host with the catalog cache on, as deployed (the category tree each lookup names comes from it).
    Console.WriteLine(await ECommerce.Products.Benchmarks.LookupCostRun.RunAsync(cached.Services, database, ArgValue("--lookups", 2000), CancellationToken.None));
    return;
}

Console.WriteLine($"catalog: {catalog.GetProperty("total").GetInt32()} products; categories: "
    + string.Join(", ", catalog.GetProperty("categories").EnumerateArray().Select(c => $"{c.GetProperty("slug").GetString()} {c.GetProperty("count").GetInt32()}")));
foreach (var q in new[] { "rainwaer", "stationary", "tepot" })
{
    var page = System.Text.Json.JsonDocument.Parse(await cachedClient.GetStringAsync($"/api/products?q={Uri.EscapeDataString(q)}&limit=1")).RootElement;
    Console.WriteLine($"search \"{q}\": {page.GetProperty("facets").GetProperty("total").GetInt32()} found; did you mean: {page.GetProperty("didYouMean")}");
}

Console.WriteLine();
Console.WriteLine("| scenario | cache | requests/s | p50 ms | p99 ms |");
Console.WriteLine("| --- | --- | --- | --- | --- |");

string[][] scenarios =
[
    ["list, first page with facets", "/api/products?limit=24"],
    ["list, category filter + price sort", "/api/products?category=home&sort=price_asc&limit=24"],
    ["search \"heart\" (full text)", "/api/products?q=heart&limit=24"],
    ["search \"hart\" (trigram fallback)", "/api/products?q=hart&limit=24"],
    ["list, two categories + a brand (disjunctive facets)", "/api/products?category=decor&category=kitchen-and-dining&brand=hollybrook&limit=24"],
    ["search \"rainwaer\" (few results: did you mean)", "/api/products?q=rainwaer&limit=24"],
    ["autocomplete \"lan\"", "/api/products/suggestions?q=lan"],
    ["hybrid search \"mug\" (a synonym: cups)", "/api/products?q=mug&limit=24"],
    ["hybrid search \"something to keep tea warm\"", "/api/products?q=something%20to%20keep%20tea%20warm&limit=24"],
];
var depth = await CatalogDepthScenarios.DiscoverAsync(cachedClient, Console.Out);
var all = scenarios.Select(s => new CatalogDepthScenarios.Scenario(s[0], s[1])).Concat(depth).ToList();
// --only <text>: just the scenarios whose name contains it (e.g. --only list).
var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
foreach (var scenario in all.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
{
    // Images never pass through the catalog cache (the store is their cache): one run, on the cached host.
    foreach (var (label, client) in scenario.ImageRun ? new[] { ("n/a", cachedClient) } : new[] { ("off", uncachedClient), ("on", cachedClient) })
    {
        var result = await LoadRun.RunAsync(client, scenario.Url, TimeSpan.FromSeconds(seconds), concurrency, scenario.IfNoneMatch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario.Name} | {label} | {result.Rps:F0} | {result.P50:F1} | {result.P99:F1} |"));
    }
}

async Task<int> CountProductsAsync()
{
    await using var connection = new Npgsql.NpgsqlConnection(database);
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM products WHERE \"Active\"", connection);
    return (int)(long)(await command.ExecuteScalarAsync())!;
}

WebApplicationFactory<ProductsDbContext> Start(bool caching)
{
    var factory = new WebApplicationFactory<ProductsDbContext>().WithWebHostBuilder(web => web
        .UseEnvironment("Development")
        .UseSetting("ConnectionStrings:productsdb", database)
        .UseSetting("ConnectionStrings:messaging", messaging)
        .UseSetting("Messaging:Transport", "postgres")
        .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
        .UseSetting("ConnectionStrings:images", images)
        .UseSetting("Products:Images:Container", "bench-images")
        .UseSetting("urls", $"http://127.0.0.1:{FreePort.Next()}")
        .UseSetting("Products:Caching:Enabled", caching ? "true" : "false")
        .UseSetting("Logging:LogLevel:Default", "Warning")
        .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning)));
    factory.UseKestrel();
    return factory;
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

string? ArgText(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
