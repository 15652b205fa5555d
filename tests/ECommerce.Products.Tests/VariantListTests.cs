using System.Text.Json;

namespace ECommerce.Products.Tests;

/// <summary>Families on lists: one item per family, its price range and swatches, and colour/size facets counting families.</summary>
public sealed class VariantListTests(VariantHost host) : IClassFixture<VariantHost>
{
    [Fact]
    public async Task A_family_is_one_item_with_its_variant_count_price_range_and_swatches()
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync("/api/products?limit=83");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(5, items.Count); // three standalone products, two families
        Assert.Equal(5, page.GetProperty("facets").GetProperty("total").GetInt32());
        var shirt = items.Single(i => i.GetProperty("name").GetString() == "Linen Shirt");
        Assert.Equal(4, shirt.GetProperty("variantCount").GetInt32());
        Assert.Equal(20m, shirt.GetProperty("priceFrom").GetDecimal());
        Assert.Equal(24m, shirt.GetProperty("priceTo").GetDecimal());
        Assert.Equal(["Blue", "Red", "Green"], shirt.GetProperty("swatches").EnumerateArray().Select(s => s.GetString()!));
        var towel = items.Single(i => i.GetProperty("name").GetString() == "Tea Towel");
        Assert.Equal(1, towel.GetProperty("variantCount").GetInt32());
        Assert.Empty(towel.GetProperty("swatches").EnumerateArray());
    }

    [Fact]
    public async Task Colour_and_size_facets_count_families_and_leave_out_their_own_filter()
    {
        using var client = host.Client();
        var all = (await client.GetJsonAsync("/api/products?limit=84")).GetProperty("facets");
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 2, ["green"] = 1, ["grey"] = 1, ["red"] = 1 }, Counts(all, "colours"));
        Assert.Equal(new Dictionary<string, int> { ["l"] = 1, ["m"] = 1, ["s"] = 1 }, Counts(all, "sizes"));

        var red = await client.GetJsonAsync("/api/products?colour=Red&limit=84");
        var item = Assert.Single(red.GetProperty("items").EnumerateArray());
        Assert.Equal(22m, item.GetProperty("price").GetDecimal()); // the red variant stands for the shirt
        var facets = red.GetProperty("facets");
        Assert.Equal(1, facets.GetProperty("total").GetInt32());
        Assert.Equal(2, Counts(facets, "colours")["blue"]); // choosing red still shows what blue would add
        Assert.Equal(new Dictionary<string, int> { ["m"] = 1 }, Counts(facets, "sizes"));

        var blueOrGrey = await client.AllPagesAsync("/api/products?colour=blue&colour=grey&sort=price_asc&limit=85");
        Assert.Equal(["Wool Scarf", "Linen Shirt"], blueOrGrey.Select(i => i.GetProperty("name").GetString()!));
    }

    [Fact]
    public async Task Paging_one_item_at_a_time_returns_each_family_once()
    {
        using var client = host.Client();
        foreach (var sort in new[] { "newest", "price_asc", "price_desc", "best_selling", "top_rated" })
        {
            var items = await client.AllPagesAsync($"/api/products?sort={sort}&minPrice=0.01&limit=1");
            Assert.Equal(5, items.Count);
        }

        var search = await client.AllPagesAsync("/api/products?q=shirt&limit=86");
        Assert.Single(search);
    }

    private static Dictionary<string, int> Counts(JsonElement facets, string name) =>
        facets.GetProperty(name).EnumerateArray().ToDictionary(f => f.GetProperty("slug").GetString()!, f => f.GetProperty("count").GetInt32());
}
