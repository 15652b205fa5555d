using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ECommerce.Testing;

namespace ECommerce.Products.Tests;

public sealed class CatalogAdminTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("POST", "/api/products")]
    [InlineData("PUT", "/api/products/0190d1a0-0000-7000-8000-000000000001")]
    [InlineData("DELETE", "/api/products/0190d1a0-0000-7000-8000-000000000001")]
    [InlineData("POST", "/api/products/0190d1a0-0000-7000-8000-000000000001/images")]
    [InlineData("POST", "/api/products/import")]
    [InlineData("POST", "/api/products/categories")]
    [InlineData("GET", "/api/products/0190d1a0-0000-7000-8000-000000000001/stock")]
    [InlineData("POST", "/api/products/0190d1a0-0000-7000-8000-000000000001/stock/adjustments")]
    [InlineData("GET", "/api/products/inventory/low-stock")]
    public async Task Admin_routes_reject_customers_and_anonymous_callers(string method, string path)
    {
        using var customer = host.Client(TestTokens.Customer("user-a"));
        using var anonymous = host.Client();

        // Each route gets the content type it accepts, so only authorization can refuse it.
        HttpContent Body() => path.EndsWith("/import", StringComparison.Ordinal) ? new StringContent("sku", Encoding.UTF8, "text/csv")
            : path.EndsWith("/images", StringComparison.Ordinal) ? Form(Png, "a.png", "image/png")
            : JsonContent.Create(new { });
        using var asCustomer = await customer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body() }, Ct);
        using var asAnonymous = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body() }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task A_created_product_is_readable_by_slug_and_publishes_ProductUpdated()
    {
        using var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products",
            new { sku = "NEW-1", name = "Enamel Camping Mug", description = "Tough", price = 7.5m, category = "kitchen", brand = "Hollow Oak", initialStock = 4 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await created.ReadJsonAsync();

        var bySlug = await host.Client().GetJsonAsync("/api/products/by-slug/enamel-camping-mug");

        Assert.Equal(product.GetProperty("id").GetString(), bySlug.GetProperty("id").GetString());
        Assert.Equal("hollow-oak", bySlug.GetProperty("brand").GetProperty("slug").GetString());
        Assert.Single(await host.PublishedAsync("ProductUpdated", product.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task A_bad_create_is_a_400_naming_each_field_and_creates_nothing()
    {
        using var admin = host.Client(TestTokens.Admin());
        using var response = await admin.PostAsJsonAsync("/api/products", new { sku = "", name = "x", price = -1m, category = "nowhere", brand = "b" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sku", out _));
        Assert.True(errors.TryGetProperty("price", out _));
        Assert.True(errors.TryGetProperty("category", out _));
        await using var db = host.NewDbContext();
        Assert.False(db.Products.Any(p => p.Name == "x"));
    }

    [Fact]
    public async Task Changing_the_price_publishes_ProductPriceChanged_and_the_next_read_shows_it()
    {
        var (admin, id, version) = await CreateAsync("PRICE-1", 10m);
        var before = await host.Client().GetJsonAsync($"/api/products/{id}"); // now cached

        using var updated = await admin.PutAsJsonAsync($"/api/products/{id}", new { price = 12.5m, version }, Ct);
        var after = await host.Client().GetJsonAsync($"/api/products/{id}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(10m, before.GetProperty("price").GetDecimal());
        Assert.Equal(12.5m, after.GetProperty("price").GetDecimal());
        var evt = Assert.Single(await host.PublishedAsync("ProductPriceChanged", id));
        Assert.Contains("\"newPrice\":12.5", evt);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_a_409_conflict_and_changes_nothing()
    {
        var (admin, id, version) = await CreateAsync("STALE-1", 5m);
        using var first = await admin.PutAsJsonAsync($"/api/products/{id}", new { name = "First Edit", version }, Ct);

        using var second = await admin.PutAsJsonAsync($"/api/products/{id}", new { name = "Second Edit", version }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("First Edit", (await host.Client().GetJsonAsync($"/api/products/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_deactivated_product_leaves_the_catalog_but_lookup_still_answers_inactive()
    {
        var (admin, id, _) = await CreateAsync("GONE-1", 3m);

        using var deleted = await admin.DeleteAsync($"/api/products/{id}", Ct);
        using var read = await host.Client().GetAsync($"/api/products/{id}", Ct);
        using var lookup = await host.Client().PostAsJsonAsync("/api/products/lookup", new { ids = new[] { id } }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.False((await lookup.ReadJsonAsync())[0].GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_png_upload_is_stored_and_served_as_renditions()
    {
        var (admin, id, _) = await CreateAsync("IMG-1", 3m);

        using var upload = await admin.PostAsync($"/api/products/{id}/images", Form(Png, "photo.png", "image/png"), Ct);
        var url = (await upload.ReadJsonAsync()).GetProperty("images")[0].GetString()!;
        using var served = await host.Client().GetAsync(url, Ct);

        // The URL the API gives is the card-size JPEG rendition (docs/products.md#images; ImageTests cover the rest).
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.EndsWith("-card.jpg", url, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("notes.png", "image/png", "text")]
    [InlineData("../../etc/passwd.png", "image/png", "png")]
    [InlineData("photo.svg", "image/svg+xml", "png")]
    [InlineData("big.png", "image/png", "big")]
    public async Task An_upload_that_is_not_a_safe_image_is_a_400_naming_file(string fileName, string contentType, string body)
    {
        var (admin, id, _) = await CreateAsync("IMGBAD-" + Guid.NewGuid().ToString("N")[..6], 3m);
        var bytes = body switch
        {
            "text" => Encoding.UTF8.GetBytes("<script>alert(1)</script>"),
            "big" => [.. Png, .. new byte[70_000]],
            _ => Png,
        };

        using var response = await admin.PostAsync($"/api/products/{id}/images", Form(bytes, fileName, contentType), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.DoesNotContain(await host.StoredImagesAsync(), n => n.StartsWith(Guid.Parse(id).ToString("N"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("not-a-generated-name.png")]
    public async Task Image_names_outside_the_store_are_not_found(string name)
    {
        using var response = await host.Client().GetAsync($"/api/products/images/{name}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Csv_import_applies_good_rows_and_reports_each_bad_row()
    {
        using var admin = host.Client(TestTokens.Admin());
        var csv = """"
            sku,name,description,price,currency,category,brand,stock
            CSV-1,Linen Napkins,"Set of four, ""natural""",8.00,GBP,kitchen,Acme,12
            CSV-2,Broken Price,,abc,GBP,kitchen,Acme,1
            CSV-3,Nowhere Thing,,1.00,GBP,nowhere,Acme,1
            CSV-4,Paper Garland,,3.50,,decor,Wren,
            CSV-1,Duplicate,,1.00,GBP,kitchen,Acme,1
            """";

        using var response = await admin.PostAsync("/api/products/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        var result = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "price"), (4, "category"), (6, "sku")], errors);
        var napkins = await host.Client().GetJsonAsync("/api/products/by-slug/linen-napkins");
        Assert.Equal("Set of four, \"natural\"", napkins.GetProperty("description").GetString());
        Assert.Equal(12, napkins.GetProperty("available").GetInt32());
    }

    private async Task<(HttpClient Admin, string Id, uint Version)> CreateAsync(string sku, decimal price)
    {
        var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products",
            new { sku, name = "Product " + sku, price, category = "decor", brand = "Acme", initialStock = 10 }, Ct);
        var body = await created.ReadJsonAsync();
        return (admin, body.GetProperty("id").GetString()!, body.GetProperty("version").GetUInt32());
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
