using System.Net;
using System.Net.Http.Json;
using ECommerce.Products.Search;
using ECommerce.Products.Search.Semantic;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ECommerce.Products.Tests.Json;

namespace ECommerce.Products.Tests;

/// <summary>A small catalog with semantic search on: cups that never say "mug", a tea cosy that never says "warm".</summary>
public sealed class SemanticHost : ProductsHost
{
    public const int Seeded = 9;

    protected override bool UsesSemanticSearch => true;

    protected override void Configure(IDictionary<string, string> settings)
    {
        base.Configure(settings);
        settings["Products:Search:Semantic:RefreshInterval"] = "00:00:00.2";
        settings["Products:Search:Semantic:RefreshOverlap"] = "00:00:01";
        settings["Products:Search:Semantic:BackfillInterval"] = "00:00:01";
    }

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await AddProductsAsync([
            ("Enamel Camping Mug", "Tin mug for the outdoors.", 8m, "kitchen", "acme", 10),
            ("Regency Teacup And Saucer", "Fine bone china.", 6m, "kitchen", "wren", 10),
            ("Red Spotty Coffee Cup", "Holds a large coffee.", 4m, "kitchen", "acme", 10),
            ("Brown Betty Teapot", "A round glazed pot for six.", 24m, "kitchen", "acme", 5),
            ("Knitted Tea Cosy", "Wool, in a cable pattern.", 12m, "kitchen", "wren", 8),
            ("Wooden Rocking Horse", "A toy with a heart of oak.", 39m, "toys", "acme", 3),
            ("Glass Star T-Light Holder", "Frosted glass.", 3m, "decor", "acme", 30),
            ("Jumbo Shopping Bag", "Strong enough for the weekly shop.", 2m, "decor", "wren", 40),
            ("Black Folding Umbrella", "Fits in a coat pocket.", 9m, "decor", "acme", 12),
        ]);
    }

    /// <summary>Waits until <paramref name="count"/> embeddings are stored and in this replica's index.</summary>
    public async Task WaitForIndexAsync(int count)
    {
        var index = Service<SemanticIndex>();
        for (var i = 0; i < 600 && index.Count < count; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(index.Count >= count, $"the index holds {index.Count} of {count} embeddings after a minute");
    }
}

/// <summary>Semantic and hybrid search against real PostgreSQL, the real model and the real event path.</summary>
public sealed class SemanticSearchTests(SemanticHost host) : IClassFixture<SemanticHost>
{
    [Fact]
    public async Task Once_loaded_a_refresh_reads_only_what_was_written_since_not_the_whole_catalog_again()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);
        var indexing = host.Service<IEnumerable<IHostedService>>().OfType<SemanticIndexing>().Single();
        // The seeded catalog was embedded in one batch, so its rows share one stamp. A quiet second after a read, the next
        // read finds nothing (other tests may still be re-embedding a product: then a later read must).
        var reads = new List<int>();
        for (var attempt = 0; attempt < 10 && reads.LastOrDefault(-1) != 0; attempt++)
        {
            await indexing.RefreshAsync(Ct);
            await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
            reads.Add(await indexing.RefreshAsync(Ct));
        }

        Assert.True(reads[^1] == 0, $"every refresh read rows again: {string.Join(", ", reads)}");
    }

    [Fact]
    public async Task A_synonym_finds_products_that_never_use_the_word()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);

        var names = (await host.Client().GetJsonAsync("/api/products?q=mug&limit=87")).Names();

        // The mug first (it says so), then the cups that are one in all but name; nothing unrelated.
        Assert.Equal("Enamel Camping Mug", names[0]);
        Assert.Contains("Red Spotty Coffee Cup", names);
        Assert.Contains("Regency Teacup And Saucer", names);
        Assert.DoesNotContain("Wooden Rocking Horse", names);
        Assert.DoesNotContain("Black Folding Umbrella", names);
    }

    [Fact]
    public async Task A_description_of_a_need_finds_what_meets_it_and_nonsense_finds_nothing()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);

        var warm = (await host.Client().GetJsonAsync("/api/products?q=something%20to%20keep%20tea%20warm&limit=88")).Names();
        var nonsense = await host.Client().GetJsonAsync("/api/products?q=zzzzqx&limit=88");

        Assert.Contains("Knitted Tea Cosy", warm.Take(2));
        Assert.Equal(0, nonsense.GetProperty("facets").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_typo_still_finds_its_product_first()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);

        var names = (await host.Client().GetJsonAsync("/api/products?q=tepot&limit=89")).Names();

        Assert.Equal("Brown Betty Teapot", names[0]);
    }

    [Fact]
    public async Task A_changed_product_is_re_embedded_from_its_ProductUpdated_and_found_by_a_synonym()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);
        using var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products",
            new { sku = "SEM-1", name = "Terracotta Planter", description = "For herbs on a sill.", price = 5m, category = "decor", brand = "Acme", initialStock = 4 }, Ct);
        var product = await created.ReadJsonAsync();
        var id = Guid.Parse(product.GetProperty("id").GetString()!);
        var first = await EmbeddedAsync(id, after: null);
        var before = (await host.Client().GetJsonAsync("/api/products?q=mug&limit=90")).Names();

        using var updated = await admin.PutAsJsonAsync($"/api/products/{id}",
            new { name = "Blue Coffee Cup", description = "A big cup for the morning.", category = "kitchen", version = product.GetProperty("version").GetUInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await EmbeddedAsync(id, after: first);
        await host.WaitForIndexAsync(SemanticHost.Seeded + 1);
        await Task.Delay(500, Ct); // one refresh past the write, so this replica's index holds the new vector
        var after = (await host.Client().GetJsonAsync("/api/products?q=mug&limit=91")).Names();

        Assert.DoesNotContain("Terracotta Planter", before);
        Assert.Contains("Blue Coffee Cup", after);
    }

    [Fact]
    public async Task With_semantic_search_off_a_search_is_lexical_only()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);
        var filter = Filter("mug");

        var hybrid = await SearchAsync(filter, semantic: true);
        var lexical = await SearchAsync(filter, semantic: false);

        Assert.Equal(["Enamel Camping Mug"], lexical);
        Assert.True(hybrid.Count > lexical.Count);
        Assert.Equal(lexical[0], hybrid[0]);
    }

    [Fact]
    public async Task Hybrid_results_page_by_cursor_without_repeats_and_facets_count_them()
    {
        await host.WaitForIndexAsync(SemanticHost.Seeded);
        using var client = host.Client();

        var first = await client.GetJsonAsync("/api/products?q=cup&limit=92");
        var all = await client.AllPagesAsync("/api/products?q=cup&limit=2");
        var cheap = (await client.GetJsonAsync("/api/products?q=cup&sort=price_asc&limit=93")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("price").GetDecimal()).ToList();

        Assert.Equal(first.GetProperty("facets").GetProperty("total").GetInt32(), all.Count);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(cheap.Order(), cheap); // other sorts keep their order over the same matches
    }

    [Theory]
    [InlineData("q", "/api/products?q={201 letters}&limit=94")]
    [InlineData("sort", "/api/products?sort=relevance&limit=94")]
    [InlineData("cursor", "/api/products?q=cup&cursor=not-a-cursor&limit=94")]
    public async Task Bad_input_is_still_a_400_naming_the_field(string field, string url)
    {
        using var response = await host.Client().GetAsync(url.Replace("{201 letters}", new string('a', 201), StringComparison.Ordinal), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<DateTimeOffset> EmbeddedAsync(Guid id, DateTimeOffset? after)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = host.NewDbContext();
            var at = await db.Embeddings.Where(e => e.ProductId == id).Select(e => (DateTimeOffset?)e.UpdatedAt).SingleOrDefaultAsync(Ct);
            if (at is { } time && (after is null || time > after))
            {
                return time;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"product {id} was not (re-)embedded within a minute");
    }

    private async Task<List<string>> SearchAsync(ProductFilter filter, bool semantic)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HybridRanking>().Enabled = semantic;
        var page = await scope.ServiceProvider.GetRequiredService<ProductSearch>().QueryAsync(filter, Ct);
        return page.Items.Select(i => i.Name).ToList();
    }

    private static ProductFilter Filter(string text) => new(text, [], [], null, null, false, ProductSort.Relevance, null, 50, [], []);
}
