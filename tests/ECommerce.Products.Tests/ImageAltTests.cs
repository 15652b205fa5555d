using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using ECommerce.Products.Domain;
using ECommerce.Testing;
using ImageMagick;
using static ECommerce.Products.Tests.ImageFiles;

namespace ECommerce.Products.Tests;

/// <summary>
/// Stored alt texts (given on upload, edited later, carried by the page's gallery and the list cards) and the 960 px
/// <c>large</c> rendition (stored with every upload, rendered on first request for an upload older than it), against
/// real PostgreSQL and Azurite.
/// </summary>
public sealed class ImageAltTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_alt_text_given_on_upload_and_edited_later_is_read_back_trimmed_in_the_gallery_and_the_list()
    {
        var id = await NewProductAsync("Oak Serving Board");
        var upload = Form(JpegWithGps(), "board.jpg", "image/jpeg");
        upload.Add(new StringContent("  Oak board with cheese, seen from above  "), "alt");
        using (var created = await Admin().PostAsync($"/api/products/{id}/images", upload, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var image = Assert.Single((await host.Client().GetJsonAsync($"/api/products/{id}")).GetProperty("gallery").EnumerateArray());
        Assert.Equal("Oak board with cheese, seen from above", image.GetProperty("alt").GetString());
        Assert.Equal("Oak board with cheese, seen from above", await ListedAltAsync(id));

        using var edited = await Admin().PutAsJsonAsync($"/api/products/{id}/images/{image.GetProperty("id").GetGuid()}", new { alt = "Oak board, side view" }, Ct);
        var after = Assert.Single((await edited.ReadJsonAsync()).GetProperty("gallery").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Oak board, side view", after.GetProperty("alt").GetString());
        Assert.Equal("Oak board, side view", Assert.Single((await host.Client().GetJsonAsync($"/api/products/{id}")).GetProperty("gallery").EnumerateArray()).GetProperty("alt").GetString());
        Assert.Equal("Oak board, side view", await ListedAltAsync(id));

        // Blank clears it: clients then describe the picture by the product's name.
        using var cleared = await Admin().PutAsJsonAsync($"/api/products/{id}/images/{image.GetProperty("id").GetGuid()}", new { alt = "   " }, Ct);
        Assert.Equal(JsonValueKind.Null, Assert.Single((await cleared.ReadJsonAsync()).GetProperty("gallery").EnumerateArray()).GetProperty("alt").ValueKind);
        Assert.Null(await ListedAltAsync(id));
    }

    [Fact]
    public async Task An_alt_text_too_long_is_a_400_naming_alt_on_upload_and_on_edit_and_nothing_changes()
    {
        var id = await NewProductAsync("Long Alt Jug");
        var tooLong = new string('a', ProductImage.MaxAltLength + 1);
        var upload = Form(JpegWithGps(), "jug.jpg", "image/jpeg");
        upload.Add(new StringContent(tooLong), "alt");
        using var refused = await Admin().PostAsync($"/api/products/{id}/images", upload, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("alt", out _));
        Assert.DoesNotContain(await host.StoredImagesAsync(), n => n.StartsWith(id.ToString("N"), StringComparison.Ordinal));

        var imageId = await UploadAsync(id);
        using var edit = await Admin().PutAsJsonAsync($"/api/products/{id}/images/{imageId}", new { alt = tooLong }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.True((await edit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("alt", out _));
        await using var db = host.NewDbContext();
        Assert.Null(db.ProductImages.Single(i => i.Id == imageId).Alt);
    }

    [Fact]
    public async Task Only_an_admin_may_edit_an_alt_text_and_an_image_of_another_product_is_not_found()
    {
        var id = await NewProductAsync("Guarded Bowl");
        var other = await NewProductAsync("Other Bowl");
        var imageId = await UploadAsync(id);

        using var customer = await host.Client(TestTokens.Customer("shopper-1")).PutAsJsonAsync($"/api/products/{id}/images/{imageId}", new { alt = "x" }, Ct);
        using var anonymous = await host.Client().PutAsJsonAsync($"/api/products/{id}/images/{imageId}", new { alt = "x" }, Ct);
        using var elsewhere = await Admin().PutAsJsonAsync($"/api/products/{other}/images/{imageId}", new { alt = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        await using var db = host.NewDbContext();
        Assert.Null(db.ProductImages.Single(i => i.Id == imageId).Alt);
    }

    [Fact]
    public async Task The_large_rendition_is_960_px_wide_in_both_formats_and_revalidates_to_304()
    {
        var id = await NewProductAsync("Wide Linen Runner");
        using var wide = new MagickImage(new MagickColor("#8a9a5b"), 2000, 1000) { Format = MagickFormat.Jpeg };
        await UploadAsync(id, wide.ToByteArray());

        var large = Rendition(Assert.Single((await host.Client().GetJsonAsync($"/api/products/{id}")).GetProperty("gallery").EnumerateArray()), "large");
        Assert.Equal((960, 480), (large.GetProperty("width").GetInt32(), large.GetProperty("height").GetInt32()));
        foreach (var (field, format) in new[] { ("url", MagickFormat.Jpeg), ("webp", MagickFormat.WebP) })
        {
            using var first = await host.Client().GetAsync(large.GetProperty(field).GetString(), Ct);
            // The header alone says the size: nothing past it is decoded.
            var info = new MagickImageInfo(await first.Content.ReadAsByteArrayAsync(Ct));
            using var again = new HttpRequestMessage(HttpMethod.Get, large.GetProperty(field).GetString());
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            using var second = await host.Client().SendAsync(again, Ct);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(format, info.Format);
            Assert.Equal((960u, 480u), (info.Width, info.Height));
            Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl?.ToString());
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        }
    }

    [Fact]
    public async Task An_upload_stored_before_the_large_rendition_gets_it_rendered_from_its_zoom_on_first_request()
    {
        var id = await NewProductAsync("Old Photo Vase");
        var imageId = await UploadAsync(id);
        await using var db = host.NewDbContext();
        var key = db.ProductImages.Single(i => i.Id == imageId).FileName;
        // As an upload from before the rendition existed: its large files were never stored.
        var container = new BlobContainerClient(host.ImageStorage, host.ImageContainer);
        await container.DeleteBlobAsync($"{key}-large.webp", cancellationToken: Ct);
        await container.DeleteBlobAsync($"{key}-large.jpg", cancellationToken: Ct);

        var jpeg = new MagickImageInfo(await host.Client().GetByteArrayAsync($"{ImageUrls.Prefix}{key}-large.jpg", Ct));

        // The 800 x 600 photograph upright is 600 x 800: under 960, so it is stored at its own size, never enlarged.
        Assert.Equal((MagickFormat.Jpeg, 600u, 800u), (jpeg.Format, jpeg.Width, jpeg.Height));
        Assert.Contains($"{key}-large.webp", await host.StoredImagesAsync());
        using var invented = await host.Client().GetAsync($"{ImageUrls.Prefix}{Guid.NewGuid():N}-{Guid.NewGuid():N}-large.jpg", Ct);
        Assert.Equal(HttpStatusCode.NotFound, invented.StatusCode);
    }

    private async Task<string?> ListedAltAsync(Guid id) =>
        (await host.Client().GetJsonAsync("/api/products?limit=100"))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("imageAlt").GetString();

    private async Task<Guid> UploadAsync(Guid productId, byte[]? bytes = null)
    {
        using var response = await Admin().PostAsync($"/api/products/{productId}/images", Form(bytes ?? JpegWithGps(), "photo.jpg", "image/jpeg"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("gallery").EnumerateArray().Last().GetProperty("id").GetGuid();
    }

    private static JsonElement Rendition(JsonElement image, string name) =>
        image.GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private HttpClient Admin() => host.Client(TestTokens.Admin());

    private async Task<Guid> NewProductAsync(string name) =>
        (await host.AddProductsAsync([(name, "For the alt text and rendition tests.", 5m, "decor", "acme", 3)]))[0].Id;
}
