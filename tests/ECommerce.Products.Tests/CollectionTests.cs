using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Testing;

namespace ECommerce.Products.Tests;

/// <summary>Collections: the seeded home rows, admin CRUD with field-named validation, rule and manual resolution.</summary>
public sealed class CollectionTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_three_home_rows_are_seeded_as_rule_collections_in_order()
    {
        var home = await host.Client().GetJsonAsync("/api/products/collections");
        var slugs = home.EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();

        var seeded = slugs.Where(s => s is "new-in" or "gifts-under-10" or "best-sellers").ToList();
        Assert.Equal(["new-in", "gifts-under-10", "best-sellers"], seeded);
        var gifts = home.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "gifts-under-10");
        Assert.Equal("rule", gifts.GetProperty("kind").GetString());
        Assert.Equal(10m, gifts.GetProperty("maxPrice").GetDecimal());
        Assert.Equal("best_selling", gifts.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task A_rule_collection_runs_through_the_search_and_follows_create_update_reorder_and_delete()
    {
        await host.AddProductsAsync([("Rule kite", "", 777.10m, "toys", "acme", 5), ("Rule yoyo", "", 777.30m, "toys", "wren", 5),
            ("Rule mug", "", 777.20m, "kitchen", "acme", 5), ("Cheap kite", "", 3m, "toys", "acme", 5)]);
        using var admin = host.Client(TestTokens.Admin());
        var slug = Unique("toys-777");

        using var created = await admin.PostAsJsonAsync("/api/products/admin/collections", new
        {
            slug,
            title = "Big toys",
            description = "Kites and more.",
            kind = "rule",
            categories = new[] { "gifts" },
            minPrice = 777m,
            maxPrice = 777.5m,
            sort = "price_desc",
            showOnHome = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();

        // "gifts" includes its sub-category "toys"; the price bounds leave out the cheap kite and the sort applies.
        var page = await host.Client().GetJsonAsync($"/api/products/collections/{slug}?limit=1");
        Assert.Equal("Big toys", page.GetProperty("collection").GetProperty("title").GetString());
        Assert.Equal(["Rule yoyo"], page.Names());
        var rest = await host.Client().GetJsonAsync($"/api/products/collections/{slug}?limit=1&cursor={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}");
        Assert.Equal(["Rule kite"], rest.Names());
        Assert.Contains(slug, await HomeSlugsAsync());

        using var updated = await admin.PutAsJsonAsync($"/api/products/admin/collections/{id}", new
        {
            slug,
            title = "Big toys and mugs",
            kind = "rule",
            categories = new[] { "kitchen", "toys" },
            brands = new[] { "acme" },
            minPrice = 777m,
            maxPrice = 777.5m,
            sort = "price_asc",
            showOnHome = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["Rule kite", "Rule mug"], (await host.Client().GetJsonAsync($"/api/products/collections/{slug}")).Names());

        // Reorder: the new collection first, the others after it in their old order.
        var all = (await admin.GetJsonAsync("/api/products/admin/collections")).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        using var reordered = await admin.PutAsJsonAsync("/api/products/admin/collections/order", new { ids = all.Where(i => i != id).Prepend(id) }, Ct);
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
        Assert.Equal(slug, (await HomeSlugsAsync())[0]);

        using var incomplete = await admin.PutAsJsonAsync("/api/products/admin/collections/order", new { ids = new[] { id } }, Ct);
        await AssertFieldAsync(incomplete, "ids");

        using var deleted = await admin.DeleteAsync($"/api/products/admin/collections/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await host.Client().GetAsync($"/api/products/collections/{slug}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain(slug, await HomeSlugsAsync());
    }

    [Fact]
    public async Task A_manual_collection_lists_its_products_in_the_given_order_skipping_inactive_ones_and_pages()
    {
        var products = await host.AddProductsAsync([("Pick one", "", 5m, "decor", "acme", 5), ("Pick two", "", 6m, "decor", "acme", 5),
            ("Pick three", "", 7m, "toys", "wren", 5), ("Pick four", "", 8m, "toys", "wren", 5)]);
        using var admin = host.Client(TestTokens.Admin());
        var slug = Unique("picks");
        using var created = await admin.PostAsJsonAsync("/api/products/admin/collections", new
        {
            slug,
            title = "Our picks",
            kind = "manual",
            productIds = new[] { products[2].Id, products[0].Id, products[3].Id, products[1].Id },
            showOnHome = false,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var deactivated = await admin.DeleteAsync($"/api/products/{products[3].Id}", Ct);
        Assert.True(deactivated.IsSuccessStatusCode);

        var first = await host.Client().GetJsonAsync($"/api/products/collections/{slug}?limit=2");
        Assert.Equal(["Pick three", "Pick one"], first.Names());
        var second = await host.Client().GetJsonAsync($"/api/products/collections/{slug}?limit=2&cursor={first.GetProperty("next").GetString()}");
        Assert.Equal(["Pick two"], second.Names());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.DoesNotContain(slug, await HomeSlugsAsync());
    }

    [Theory]
    [InlineData("""{"title":"","kind":"rule"}""", "title")]
    [InlineData("""{"title":"Odd","kind":"shelf"}""", "kind")]
    [InlineData("""{"title":"Odd","slug":"Not A Slug","kind":"rule"}""", "slug")]
    [InlineData("""{"title":"Odd","kind":"rule","categories":["nowhere"]}""", "categories")]
    [InlineData("""{"title":"Odd","kind":"rule","brands":["nobody"]}""", "brands")]
    [InlineData("""{"title":"Odd","kind":"rule","minPrice":20,"maxPrice":10}""", "maxPrice")]
    [InlineData("""{"title":"Odd","kind":"rule","minRating":5}""", "minRating")]
    [InlineData("""{"title":"Odd","kind":"rule","sort":"relevance"}""", "sort")]
    [InlineData("""{"title":"Odd","kind":"manual","productIds":[]}""", "productIds")]
    [InlineData("""{"title":"Odd","kind":"manual","productIds":["0190d1a0-0000-7000-8000-000000000009"]}""", "productIds")]
    [InlineData("""{"title":"New in","slug":"new-in","kind":"rule"}""", "slug")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var admin = host.Client(TestTokens.Admin());
        using var response = await admin.PostAsync("/api/products/admin/collections", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        await AssertFieldAsync(response, field);
    }

    [Theory]
    [InlineData("GET", "/api/products/admin/collections")]
    [InlineData("POST", "/api/products/admin/collections")]
    [InlineData("PUT", "/api/products/admin/collections/1")]
    [InlineData("DELETE", "/api/products/admin/collections/1")]
    [InlineData("PUT", "/api/products/admin/collections/order")]
    public async Task Admin_routes_reject_customers_and_anonymous_callers(string method, string path)
    {
        using var customer = host.Client(TestTokens.Customer("user-c"));
        using var asCustomer = await customer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, Ct);
        using var asAnonymous = await host.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    private async Task<List<string?>> HomeSlugsAsync() =>
        (await host.Client().GetJsonAsync("/api/products/collections")).EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {text}");
    }
}
