using System.Net;
using System.Net.Http.Json;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Tests;

/// <summary>The back office's family endpoints: list, detail with inactive variants, shared edits, option values, hiding a variant.</summary>
public sealed class FamilyAdminTests(VariantHost host) : IClassFixture<VariantHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_finds_families_by_name_and_pages_newest_first()
    {
        using var admin = host.Client(TestTokens.Admin());

        var found = await admin.GetJsonAsync("/api/products/families?q=linen");
        var all = await admin.AllPagesAsync("/api/products/families?limit=1");
        using var badLimit = await admin.GetAsync("/api/products/families?limit=0", Ct);
        using var badCursor = await admin.GetAsync("/api/products/families?cursor=nope", Ct);

        var shirt = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(("Linen Shirt", 4, 4), (shirt.GetProperty("name").GetString(), shirt.GetProperty("variantCount").GetInt32(), shirt.GetProperty("activeVariantCount").GetInt32()));
        Assert.Equal("Decor", shirt.GetProperty("category").GetString());
        Assert.Contains("Wool Scarf", all.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(all.Count, all.Select(f => f.GetProperty("id").GetString()).Distinct().Count());
        await AssertProblemAsync(badLimit, "limit");
        await AssertProblemAsync(badCursor, "cursor");
    }

    [Fact]
    public async Task Editing_a_family_moves_its_variants_and_its_options_gain_and_reorder_values()
    {
        using var admin = host.Client(TestTokens.Admin());
        var familyId = await host.AddFamilyAsync("Knit Beanie", "toys", "wren", [new("Colour", ["Grey", "Rust"]), new("Size", ["S", "L"])],
            [(new() { ["Colour"] = "Grey", ["Size"] = "S" }, 8m, 2), (new() { ["Colour"] = "Rust", ["Size"] = "L" }, 8m, 2)]);

        using var edited = await admin.PutAsJsonAsync($"/api/products/families/{familyId}", new { name = "Chunky Beanie", category = "decor", brand = "Acme" }, Ct);
        using var reordered = await admin.PutAsJsonAsync($"/api/products/families/{familyId}/options",
            new { options = new[] { new { name = "Colour", values = new[] { "Rust", "Teal", "grey" } }, new { name = "Size", values = new[] { "S", "L" } } } }, Ct);
        using var dropped = await admin.PutAsJsonAsync($"/api/products/families/{familyId}/options",
            new { options = new[] { new { name = "Colour", values = new[] { "Teal", "Grey" } }, new { name = "Size", values = new[] { "S", "L" } } } }, Ct);
        using var renamed = await admin.PutAsJsonAsync($"/api/products/families/{familyId}/options",
            new { options = new[] { new { name = "Color", values = new[] { "Rust", "Grey" } }, new { name = "Size", values = new[] { "S", "L" } } } }, Ct);
        using var badCategory = await admin.PutAsJsonAsync($"/api/products/families/{familyId}", new { category = "nowhere" }, Ct);
        using var missing = await admin.PutAsJsonAsync($"/api/products/families/{Guid.NewGuid()}", new { name = "Ghost" }, Ct);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var detail = await reordered.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(("Chunky Beanie", "decor", "Acme"), (detail.GetProperty("name").GetString(), detail.GetProperty("category").GetProperty("slug").GetString(), detail.GetProperty("brand").GetProperty("name").GetString()));
        Assert.Equal(["Rust", "Teal", "Grey"], detail.GetProperty("options")[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(["Rust / L", "Grey / S"], detail.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("label").GetString()!));
        await AssertProblemAsync(dropped, "options[0].values");
        await AssertProblemAsync(renamed, "options");
        await AssertProblemAsync(badCategory, "category");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await using var db = host.NewDbContext();
        var variants = await db.Products.Include(p => p.Category).Include(p => p.Brand).Where(p => p.FamilyId == familyId).ToListAsync(Ct);
        Assert.All(variants, v => Assert.Equal(("Chunky Beanie", "decor", "acme"), (v.Name, v.Category!.Slug, v.Brand!.Slug)));
    }

    [Fact]
    public async Task A_hidden_variant_leaves_the_shoppers_page_stays_in_the_back_office_and_keeps_its_combination()
    {
        using var admin = host.Client(TestTokens.Admin());
        var familyId = await host.AddFamilyAsync("Rope Basket", "decor", "acme", [new("Size", ["S", "M"])],
            [(new() { ["Size"] = "S" }, 12m, 2), (new() { ["Size"] = "M" }, 14m, 2)]);
        await using var db = host.NewDbContext();
        var small = await db.Products.SingleAsync(p => p.FamilyId == familyId && p.Price == 12m, Ct);
        var medium = await db.Products.SingleAsync(p => p.FamilyId == familyId && p.Price == 14m, Ct);
        Assert.Equal(2, (await host.Client().GetJsonAsync($"/api/products/{medium.Id}")).GetProperty("family").GetProperty("variants").GetArrayLength());

        using var hidden = await admin.PutAsJsonAsync($"/api/products/families/variants/{small.Id}/active", new { active = false }, Ct);
        using var noValue = await admin.PutAsJsonAsync($"/api/products/families/variants/{small.Id}/active", new { }, Ct);
        using var again = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants", new { sku = "BASKET-S2", price = 12m, optionValues = new { Size = "S" } }, Ct);
        using var standalone = await admin.PutAsJsonAsync($"/api/products/families/variants/{Guid.NewGuid()}/active", new { active = false }, Ct);

        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var detail = await admin.GetJsonAsync($"/api/products/families/{familyId}");
        Assert.Equal([false, true], detail.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("active").GetBoolean()));
        var page = await host.Client().GetJsonAsync($"/api/products/{medium.Id}");
        Assert.Equal([medium.Id], page.GetProperty("family").GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()));
        await AssertProblemAsync(noValue, "active");
        await AssertProblemAsync(again, "optionValues");
        Assert.Equal(HttpStatusCode.NotFound, standalone.StatusCode);
    }

    [Fact]
    public async Task Hiding_or_repricing_a_variant_through_the_product_endpoints_refreshes_its_siblings_cached_pages()
    {
        using var admin = host.Client(TestTokens.Admin());
        var familyId = await host.AddFamilyAsync("Jute Tote", "decor", "acme", [new("Size", ["S", "M", "L"])],
            [(new() { ["Size"] = "S" }, 8m, 2), (new() { ["Size"] = "M" }, 9m, 2), (new() { ["Size"] = "L" }, 10m, 2)]);
        await using var db = host.NewDbContext();
        var variants = await db.Products.Where(p => p.FamilyId == familyId).OrderBy(p => p.Price).ToListAsync(Ct);
        var (small, medium, large) = (variants[0], variants[1], variants[2]);
        var before = await host.Client().GetJsonAsync($"/api/products/{medium.Id}"); // now cached with all three
        Assert.Equal(3, before.GetProperty("family").GetProperty("variants").GetArrayLength());

        using var hidden = await admin.DeleteAsync($"/api/products/{small.Id}", Ct);
        var version = (await admin.GetJsonAsync($"/api/products/{large.Id}")).GetProperty("version").GetUInt32();
        using var repriced = await admin.PutAsJsonAsync($"/api/products/{large.Id}", new { price = 11.5m, version }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
        var shown = (await host.Client().GetJsonAsync($"/api/products/{medium.Id}")).GetProperty("family").GetProperty("variants")
            .EnumerateArray().Select(v => (v.GetProperty("id").GetGuid(), v.GetProperty("price").GetDecimal())).ToList();
        Assert.Equal([(medium.Id, 9m), (large.Id, 11.5m)], shown);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
    }
}
