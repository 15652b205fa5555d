using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Products.Tests;

public sealed class CatalogReadTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paging_by_newest_is_stable_when_products_are_inserted_between_pages()
    {
        using var client = host.Client();
        // One page of everything first; a different limit means the small pages below are not served from the cache.
        var before = (await client.AllPagesAsync("/api/products?category=decor&limit=100")).Select(i => i.GetProperty("id").GetString()).ToList();

        var inserted = 0;
        var paged = await client.AllPagesAsync("/api/products?category=decor&limit=4", async () =>
        {
            // A newer product lands before the cursor on every page turn; it must neither shift nor repeat items.
            await host.AddProductsAsync([($"Inserted Decor {++inserted}", "new", 9.99m, "decor", "acme", 5)], DateTimeOffset.UtcNow);
        });

        var ids = paged.Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(before, ids);
        Assert.True(inserted > 1);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    [InlineData("best_selling")]
    public async Task Every_sort_pages_through_the_catalog_once_in_order(string sort)
    {
        using var client = host.Client();
        var all = await client.AllPagesAsync($"/api/products?category=kitchen&sort={sort}&limit=3");
        var first = await client.GetJsonAsync($"/api/products?category=kitchen&sort={sort}&limit=100");

        Assert.Equal(first.GetProperty("facets").GetProperty("total").GetInt32(), all.Count);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        var prices = all.Select(i => i.GetProperty("price").GetDecimal()).ToList();
        if (sort == "price_asc")
        {
            Assert.Equal(prices.Order(), prices);
        }
        else if (sort == "price_desc")
        {
            Assert.Equal(prices.OrderDescending(), prices);
        }
    }

    [Fact]
    public async Task Facet_counts_describe_the_current_query()
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync("/api/products?category=home&maxPrice=80&limit=5");
        var facets = page.GetProperty("facets");
        var total = facets.GetProperty("total").GetInt32();
        var all = await client.AllPagesAsync("/api/products?category=home&maxPrice=80&limit=50");
        var anyPrice = (await client.GetJsonAsync("/api/products?category=home&limit=51")).GetProperty("facets").GetProperty("total").GetInt32();

        // Brands are counted with the category and price filters, so they add up to the total; categories leave out
        // the category filter and price ranges the price filter (FacetFilterTests covers those rules in full).
        Assert.Equal(all.Count, total);
        Assert.Equal(total, facets.GetProperty("brands").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Equal(anyPrice, facets.GetProperty("priceRanges").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Equal(all.Count(i => i.GetProperty("inStock").GetBoolean()), facets.GetProperty("inStock").GetInt32());
        Assert.Contains(facets.GetProperty("categories").EnumerateArray(), c => c.GetProperty("slug").GetString() == "toys");
    }

    [Fact]
    public async Task Filtering_by_a_parent_category_includes_its_sub_categories()
    {
        using var client = host.Client();
        // A limit no other test uses: all three lists come fresh from the database, not from a cache entry that
        // predates another test's inserts into decor.
        var home = await client.AllPagesAsync("/api/products?category=home&limit=97");
        var decor = await client.AllPagesAsync("/api/products?category=decor&limit=97");
        var kitchen = await client.AllPagesAsync("/api/products?category=kitchen&limit=97");

        Assert.Equal(decor.Count + kitchen.Count, home.Count);
        Assert.All(home, i => Assert.Contains(i.GetProperty("category").GetString(), new[] { "decor", "kitchen" }));
    }

    [Fact]
    public async Task Filters_for_price_stock_and_brand_are_all_applied()
    {
        using var client = host.Client();
        var items = await client.AllPagesAsync("/api/products?brand=acme&minPrice=10&maxPrice=50&inStock=true&limit=100");

        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.Equal("acme", i.GetProperty("brand").GetString());
            Assert.InRange(i.GetProperty("price").GetDecimal(), 10m, 50m);
            Assert.True(i.GetProperty("inStock").GetBoolean());
        });
    }

    [Fact]
    public async Task Searching_hart_finds_heart_products()
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync("/api/products?q=hart");

        Assert.Contains("White Hanging Heart T-Light Holder", page.Names());
    }

    [Fact]
    public async Task Search_stems_words_and_ranks_name_matches_above_description_matches()
    {
        using var client = host.Client();
        var names = (await client.GetJsonAsync("/api/products?q=hearts")).Names();

        // "hearts" stems to "heart": the name match comes first, description-only matches follow.
        Assert.Equal("White Hanging Heart T-Light Holder", names[0]);
        Assert.Contains("Red Retrospot Mug", names);
        Assert.Contains("Wooden Rocking Horse", names);
    }

    [Fact]
    public async Task Relevance_paging_returns_each_match_once()
    {
        using var client = host.Client();
        var all = await client.AllPagesAsync("/api/products?q=lantern&limit=4");

        Assert.Equal(19, all.Count);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Suggestions_complete_a_partial_word()
    {
        using var client = host.Client();
        var suggestions = await client.GetJsonAsync("/api/products/suggestions?q=rock");

        Assert.Equal("Wooden Rocking Horse", suggestions[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("minPrice=abc", "minPrice")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("minPrice=20&maxPrice=10", "maxPrice")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("inStock=maybe", "inStock")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("category=a&category=b&category=c&category=d&category=e&category=f&category=g&category=h&category=i&category=j&category=k&category=l&category=m&category=n&category=o&category=p&category=q&category=r&category=s&category=t&category=u", "category")]
    public async Task Invalid_filters_are_a_400_problem_naming_the_field(string query, string field)
    {
        using var client = host.Client();
        using var response = await client.GetAsync($"/api/products?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_cursor_from_one_sort_is_rejected_by_another()
    {
        using var client = host.Client();
        var cursor = (await client.GetJsonAsync("/api/products?sort=price_asc&limit=2")).GetProperty("next").GetString();

        using var response = await client.GetAsync($"/api/products?sort=newest&cursor={cursor}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_product_read_carries_an_ETag_and_If_None_Match_gives_304()
    {
        using var client = host.Client();
        var id = (await client.GetJsonAsync("/api/products?limit=1")).GetProperty("items")[0].GetProperty("id").GetString();
        using var first = await client.GetAsync($"/api/products/{id}", Ct);
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/products/{id}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task Anonymous_reads_are_publicly_cacheable_and_signed_in_reads_are_private()
    {
        using var anonymous = host.Client();
        using var signedIn = host.Client(ECommerce.Testing.TestTokens.Customer("user-a"));
        using var list = await anonymous.GetAsync("/api/products?limit=2", Ct);
        using var mine = await signedIn.GetAsync("/api/products?limit=2", Ct);

        Assert.True(list.Headers.CacheControl!.Public);
        Assert.True(mine.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task A_product_is_found_by_its_slug()
    {
        using var client = host.Client();
        var item = (await client.GetJsonAsync("/api/products?q=rocking")).GetProperty("items")[0];

        var detail = await client.GetJsonAsync($"/api/products/by-slug/{item.GetProperty("slug").GetString()}");

        Assert.Equal(item.GetProperty("id").GetString(), detail.GetProperty("id").GetString());
        Assert.Equal(3, detail.GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Lookup_answers_the_agreed_fields_with_the_category_and_its_ancestors_and_skips_unknown_ids()
    {
        using var client = host.Client();
        var id = (await client.GetJsonAsync("/api/products?q=rocking")).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var response = await client.PostAsJsonAsync("/api/products/lookup", new { ids = new[] { id, Guid.NewGuid() } }, Ct);
        var items = await response.ReadJsonAsync();

        var item = Assert.Single(items.EnumerateArray());
        foreach (var field in new[] { "id", "sku", "name", "slug", "price", "currency", "available", "active", "imageUrl" })
        {
            Assert.True(item.TryGetProperty(field, out _), field);
        }

        Assert.Equal(39.00m, item.GetProperty("price").GetDecimal());
        Assert.Equal(3, item.GetProperty("available").GetInt32());
        Assert.Equal(["toys", "gifts"], item.GetProperty("categorySlugs").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Lookup_of_100_ids_with_repeats_answers_each_known_product_once()
    {
        // The ids go to PostgreSQL as one parameter each: the contract's largest call, repeats included, is one statement.
        using var client = host.Client();
        var known = (await client.GetJsonAsync("/api/products?limit=3")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var ids = known.Concat(known).Concat(Enumerable.Range(0, 94).Select(_ => Guid.NewGuid())).ToList();

        using var response = await client.PostAsJsonAsync("/api/products/lookup", new { ids }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(known.Order(), (await response.ReadJsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task Lookup_of_more_than_100_ids_is_a_400_naming_ids()
    {
        using var client = host.Client();
        using var response = await client.PostAsJsonAsync("/api/products/lookup", new { ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()) }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task Categories_come_as_a_tree_with_parents()
    {
        using var client = host.Client();
        var categories = await client.GetJsonAsync("/api/products/categories");

        var decor = categories.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "decor");
        Assert.Equal("home", decor.GetProperty("parentSlug").GetString());
        Assert.Equal(JsonValueKind.Array, (await client.GetJsonAsync("/api/products/brands")).ValueKind);
    }
}
