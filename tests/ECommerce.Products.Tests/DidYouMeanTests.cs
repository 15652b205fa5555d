using System.Text.Json;

namespace ECommerce.Products.Tests;

/// <summary>A catalog where one teapot says so in its name and three more products mention teapots in their descriptions.</summary>
public sealed class TeapotHost : ProductsHost
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await AddProductsAsync([
            ("Brown Betty Teapot", "A round glazed pot for six cups.", 24m, "kitchen", "acme", 5),
            ("Tea Cosy", "Keeps the teapot warm.", 12m, "kitchen", "wren", 8),
            ("Tea Strainer", "Fits the spout of any teapot.", 6.5m, "kitchen", "wren", 20),
            ("Cork Trivet", "A stand for a hot teapot.", 9m, "decor", "acme", 0),
            ("Tea Towel", "Linen, with a border.", 5m, "kitchen", "acme", 30),
            ("Tea Tin", "For loose leaves.", 7m, "kitchen", "wren", 12),
        ]);
    }
}

/// <summary>"Did you mean": a corrected query from the catalog's own words, offered only when it finds more.</summary>
public sealed class DidYouMeanTests(TeapotHost host) : IClassFixture<TeapotHost>
{
    [Fact]
    public async Task A_misspelt_search_with_few_results_is_offered_the_catalog_word_that_finds_more()
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync("/api/products?q=tepot&limit=71");
        var teapot = await client.GetJsonAsync("/api/products?q=teapot&limit=71");

        // The trigram fallback finds the one teapot by name; the right word also finds those that mention it.
        var total = page.GetProperty("facets").GetProperty("total").GetInt32();
        Assert.Equal(1, total);
        var suggestion = page.GetProperty("didYouMean");
        Assert.Equal("teapot", suggestion.GetProperty("query").GetString());
        Assert.Equal(teapot.GetProperty("facets").GetProperty("total").GetInt32(), suggestion.GetProperty("total").GetInt32());
        Assert.True(suggestion.GetProperty("total").GetInt32() >= 4);
    }

    [Fact]
    public async Task Words_the_catalog_knows_are_kept_and_only_the_unknown_one_is_corrected()
    {
        using var client = host.Client();
        // "strainers" is known through its stem ("strainer"), so it stays as typed.
        var page = await client.GetJsonAsync("/api/products?q=Strainers%20tepot&limit=72");

        Assert.Equal("strainers teapot", page.GetProperty("didYouMean").GetProperty("query").GetString());
    }

    [Fact]
    public async Task The_correction_counts_with_the_same_filters()
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync("/api/products?q=tepot&brand=wren&limit=73");
        var teapot = await client.GetJsonAsync("/api/products?q=teapot&brand=wren&limit=73");

        // No wren product has "tepot" in its name: nothing found, and the correction counts wren's teapot mentions only.
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(teapot.GetProperty("facets").GetProperty("total").GetInt32(), page.GetProperty("didYouMean").GetProperty("total").GetInt32());
        Assert.All(teapot.GetProperty("items").EnumerateArray(), i => Assert.Equal("wren", i.GetProperty("brand").GetString()));
    }

    [Theory]
    [InlineData("tea")]         // plenty of results: nothing to correct
    [InlineData("cosy")]        // one result, but every word is the catalog's own
    [InlineData("cosies")]      // one result, and known through its stem (cosy)
    [InlineData("\"tepot\"")]   // a quoted phrase is taken as meant
    [InlineData("zzzzqx")]      // no catalog word is close
    public async Task No_correction_is_offered_when_there_is_nothing_better(string q)
    {
        using var client = host.Client();
        var page = await client.GetJsonAsync($"/api/products?q={Uri.EscapeDataString(q)}&limit=74");

        Assert.Equal(JsonValueKind.Null, page.GetProperty("didYouMean").ValueKind);
    }

    [Fact]
    public async Task Lists_without_search_text_and_later_pages_carry_no_correction()
    {
        using var client = host.Client();
        var list = await client.GetJsonAsync("/api/products?maxPrice=999&limit=2");
        var next = list.GetProperty("next").GetString();
        var second = await client.GetJsonAsync($"/api/products?maxPrice=999&limit=2&cursor={Uri.EscapeDataString(next!)}");

        Assert.Equal(JsonValueKind.Null, list.GetProperty("didYouMean").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("didYouMean").ValueKind);
    }
}
