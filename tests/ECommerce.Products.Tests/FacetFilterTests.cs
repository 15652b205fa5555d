using System.Net;
using System.Text.Json;
using ECommerce.Products.Search;

namespace ECommerce.Products.Tests;

/// <summary>Multi-select facets: any value within a facet, all facets together, and counts that leave out their own facet.</summary>
public sealed class FacetFilterTests(CatalogHost host) : IClassFixture<CatalogHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Several_values_of_a_facet_match_any_of_them_and_facets_combine_with_each_other()
    {
        using var client = host.Client();
        var both = await client.AllPagesAsync("/api/products?category=decor&category=toys&brand=wren&limit=61");
        var decor = await client.AllPagesAsync("/api/products?category=decor&brand=wren&limit=61");
        var toys = await client.AllPagesAsync("/api/products?category=toys&brand=wren&limit=61");

        Assert.NotEmpty(decor);
        Assert.NotEmpty(toys);
        Assert.Equal(decor.Count + toys.Count, both.Count);
        Assert.All(both, i =>
        {
            Assert.Contains(i.GetProperty("category").GetString(), new[] { "decor", "toys" });
            Assert.Equal("wren", i.GetProperty("brand").GetString());
        });
    }

    [Fact]
    public async Task Paging_through_several_categories_returns_each_product_once_and_matches_the_total()
    {
        using var client = host.Client();
        var all = await client.AllPagesAsync("/api/products?category=kitchen&category=toys&sort=price_asc&limit=6");
        var first = await client.GetJsonAsync("/api/products?category=kitchen&category=toys&sort=price_asc&limit=62");

        Assert.Equal(first.GetProperty("facets").GetProperty("total").GetInt32(), all.Count);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
        var prices = all.Select(i => i.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(prices.Order(), prices);
    }

    [Theory]
    [InlineData("category=decor")]
    [InlineData("category=decor&category=kitchen&brand=acme")]
    [InlineData("q=lantern&category=toys&inStock=true&maxPrice=80")]
    [InlineData("brand=wren&minPrice=10")]
    public async Task Each_facet_is_counted_with_every_filter_but_its_own(string query)
    {
        using var client = host.Client();
        var facets = (await client.GetJsonAsync($"/api/products?{query}&limit=63")).GetProperty("facets");
        var withoutCategory = Without(query, "category");
        var withoutBrand = Without(query, "brand");

        // Choosing a value adds to the others' counts, never hides them: each listed count is exactly what that one
        // value would give with the rest of the query.
        foreach (var category in facets.GetProperty("categories").EnumerateArray())
        {
            var alone = await TotalAsync(client, $"{withoutCategory}&category={category.GetProperty("slug").GetString()}");
            Assert.Equal(alone, category.GetProperty("count").GetInt32());
        }

        foreach (var brand in facets.GetProperty("brands").EnumerateArray())
        {
            var alone = await TotalAsync(client, $"{withoutBrand}&brand={brand.GetProperty("slug").GetString()}");
            Assert.Equal(alone, brand.GetProperty("count").GetInt32());
        }

        var total = facets.GetProperty("total").GetInt32();
        Assert.Equal((await client.AllPagesAsync($"/api/products?{query}&limit=64")).Count, total);
        var unfiltered = await TotalAsync(client, withoutCategory);
        Assert.Equal(unfiltered, facets.GetProperty("categories").EnumerateArray()
            .Where(c => CatalogHost.Leaves.Contains(c.GetProperty("slug").GetString())).Sum(c => c.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Choosing_one_category_still_lists_the_others_and_narrows_the_brands()
    {
        using var client = host.Client();
        var everything = (await client.GetJsonAsync("/api/products?limit=65")).GetProperty("facets");
        var decor = (await client.GetJsonAsync("/api/products?category=decor&limit=65")).GetProperty("facets");

        Assert.Equal(Counts(everything, "categories"), Counts(decor, "categories"));
        Assert.Equal(decor.GetProperty("total").GetInt32(), decor.GetProperty("brands").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.True(decor.GetProperty("total").GetInt32() < everything.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_chosen_parent_category_is_listed_with_its_subtree_count()
    {
        using var client = host.Client();
        var facets = (await client.GetJsonAsync("/api/products?category=home&maxPrice=80&limit=66")).GetProperty("facets");
        var counts = Counts(facets, "categories");

        Assert.Equal(facets.GetProperty("total").GetInt32(), counts["home"]);
        Assert.Equal(counts["decor"] + counts["kitchen"], counts["home"]);
        Assert.True(counts["toys"] > 0);
        Assert.Equal(facets.GetProperty("total").GetInt32(), facets.GetProperty("brands").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task The_order_of_facet_values_changes_neither_the_result_nor_the_cache_key()
    {
        using var client = host.Client();
        var one = await client.GetJsonAsync("/api/products?category=toys&category=decor&brand=wren&brand=acme&limit=67");
        var other = await client.GetJsonAsync("/api/products?brand=acme&category=decor&brand=wren&category=toys&category=decor&limit=67");

        Assert.Equal(one.ToString(), other.ToString());
        Assert.Equal(Key("toys", "decor"), Key("decor", "toys", "DECOR", " toys "));
        Assert.NotEqual(Key("decor", "toys"), Key("decor"));
        Assert.NotEqual(Key("decor,toys"), Key("decor", "toys"));
        Assert.NotEqual(Key("decor|x"), Key("decor", "x"));
    }

    [Theory]
    [InlineData("category", 21, 5)]
    [InlineData("brand", 21, 5)]
    [InlineData("category", 1, 101)]
    [InlineData("brand", 1, 101)]
    public async Task Too_many_or_too_long_facet_values_are_a_400_naming_the_field(string field, int count, int length)
    {
        using var client = host.Client();
        var query = string.Join('&', Enumerable.Range(0, count).Select(i => $"{field}={i}{new string('x', length - 1)}"));
        using var response = await client.GetAsync($"/api/products?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static string Key(params string[] categories)
    {
        var query = new ProductListQuery(null, categories, ["wren"], null, null, null, null, null, null);
        Assert.True(query.TryValidate(out var filter, out _));
        return filter.CacheKey;
    }

    private static Dictionary<string, int> Counts(JsonElement facets, string facet) =>
        facets.GetProperty(facet).EnumerateArray().ToDictionary(c => c.GetProperty("slug").GetString()!, c => c.GetProperty("count").GetInt32());

    private static string Without(string query, string field) =>
        string.Join('&', query.Split('&').Where(p => !p.StartsWith(field + "=", StringComparison.Ordinal)).Append("limit=68"));

    private static async Task<int> TotalAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync($"/api/products?{query}")).GetProperty("facets").GetProperty("total").GetInt32();
}
