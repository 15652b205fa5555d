using System.Net;
using System.Text;
using ECommerce.Products.Domain;
using ECommerce.Testing;
using ImageMagick;
using static ECommerce.Products.Tests.ImageFiles;

namespace ECommerce.Products.Tests;

/// <summary>
/// Images against a real Azurite: what an upload must never get past, what processing does to what it keeps, that
/// two replicas serve the same images, and the illustrations drawn for products without a photograph.
/// </summary>
public sealed class ImageTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static readonly string[] RenditionFiles = ["thumb.webp", "thumb.jpg", "card.webp", "card.jpg", "large.webp", "large.jpg", "zoom.webp", "zoom.jpg"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("text", "notes.png")]
    [InlineData("bomb", "bomb.png")]
    [InlineData("wide", "wide.png")]
    [InlineData("oversized", "big.jpg")]
    public async Task A_file_that_is_not_a_safe_image_is_refused_with_a_400_naming_file_and_nothing_is_stored(string kind, string fileName)
    {
        var id = await NewProductAsync("Refused " + kind);
        var bytes = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("just some notes, renamed to look like a picture"),
            // 100 megapixels declared in a file of a few hundred bytes; then a side beyond the limit.
            "bomb" => PngDeclaring(10_000, 10_000),
            "wide" => PngDeclaring(60_000, 10),
            _ => [.. JpegWithGps(), .. new byte[70_000]],
        };

        using var response = await Admin().PostAsync($"/api/products/{id}/images", Form(bytes, fileName, kind == "oversized" ? "image/jpeg" : "image/png"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"file\"", body, StringComparison.Ordinal);
        if (kind is "bomb" or "wide")
        {
            Assert.Contains("declares", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await host.StoredImagesAsync(), n => n.StartsWith(id.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_is_stored_in_every_rendition_and_format_upright_and_without_metadata()
    {
        var id = await NewProductAsync("Orange Photo Frame");

        using var upload = await Admin().PostAsync($"/api/products/{id}/images", Form(JpegWithGps(), "frame.jpg", "image/jpeg"), Ct);
        var url = (await upload.ReadJsonAsync()).GetProperty("images")[0].GetString()!;
        var key = url[ImageUrls.Prefix.Length..^ImageUrls.DefaultSuffix.Length];

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(RenditionFiles.Select(f => $"{key}-{f}").Order(), (await host.StoredImagesAsync()).Where(n => n.StartsWith(key, StringComparison.Ordinal)).Order());
        foreach (var file in RenditionFiles)
        {
            var bytes = await host.Client().GetByteArrayAsync($"{ImageUrls.Prefix}{key}-{file}", Ct);
            using var image = new MagickImage(bytes);
            Assert.Equal(file.EndsWith(".webp", StringComparison.Ordinal) ? MagickFormat.WebP : MagickFormat.Jpeg, image.Format);
            Assert.Null(image.GetExifProfile());
            Assert.Null(image.GetXmpProfile());
            // Orientation 6 applied: the 800 x 600 landscape is stored as a portrait, never enlarged past 800 (large and zoom).
            var longSide = file.StartsWith("thumb", StringComparison.Ordinal) ? 160u : file.StartsWith("card", StringComparison.Ordinal) ? 480u : 800u;
            Assert.Equal((longSide * 3 / 4, longSide), (image.Width, image.Height));
        }

        await using var db = host.NewDbContext();
        var recorded = db.ProductImages.Single(i => i.ProductId == id);
        Assert.Equal((600, 800), (recorded.Width, recorded.Height));
        Assert.Equal(RenditionFiles.Order(), recorded.Renditions.Order());
    }

    [Fact]
    public async Task Images_are_served_immutable_with_an_etag_and_revalidate_to_304()
    {
        var id = await NewProductAsync("Cached Lamp");
        using var upload = await Admin().PostAsync($"/api/products/{id}/images", Form(JpegWithGps(), "lamp.jpg", "image/jpeg"), Ct);
        var url = (await upload.ReadJsonAsync()).GetProperty("images")[0].GetString()!;

        using var first = await host.Client().GetAsync(url, Ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await host.Client().SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Two_replicas_on_one_database_and_one_blob_store_serve_the_same_images()
    {
        var id = await NewProductAsync("Shared Teapot");
        await using var replica = host.Factory.WithWebHostBuilder(_ => { });
        using var upload = await Admin().PostAsync($"/api/products/{id}/images", Form(JpegWithGps(), "teapot.jpg", "image/jpeg"), Ct);
        var uploaded = (await upload.ReadJsonAsync()).GetProperty("images")[0].GetString()!;
        var bare = (await host.AddProductsAsync([("Blue Enamel Teapot", "Drawn for the tests.", 12m, "kitchen", "acme", 4)]))[0];

        // The upload went to the first replica; the second serves it. The second draws the illustration; the first serves that.
        var fromSecond = await replica.CreateClient().GetByteArrayAsync(uploaded, Ct);
        var generated = (await replica.CreateClient().GetJsonAsync($"/api/products/{bare.Id}")).GetProperty("images")[0].GetString()!;
        var drawnBySecond = await replica.CreateClient().GetByteArrayAsync(generated, Ct);

        Assert.Equal(await host.Client().GetByteArrayAsync(uploaded, Ct), fromSecond);
        Assert.Equal(drawnBySecond, await host.Client().GetByteArrayAsync(generated, Ct));
    }

    [Fact]
    public async Task A_product_without_images_shows_a_generated_illustration_in_its_colour_stored_once()
    {
        var product = (await host.AddProductsAsync([("Red Retrospot Cake Tin", "No photograph yet.", 6.5m, "kitchen", "wren", 9)]))[0];

        var detail = await host.Client().GetJsonAsync($"/api/products/{product.Id}");
        var url = detail.GetProperty("images")[0].GetString()!;
        var listed = (await host.Client().GetJsonAsync("/api/products?limit=100"))
            .GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == product.Id).GetProperty("imageUrl").GetString();
        using var card = new MagickImage(await host.Client().GetByteArrayAsync(url, Ct));

        Assert.Equal(ImageUrls.Prefix + ImageUrls.GeneratedKey(product.Id, product.Name, "kitchen") + ImageUrls.DefaultSuffix, url);
        Assert.Equal(url, listed);
        Assert.Equal((480u, 480u), (card.Width, card.Height));
        var corner = card.GetPixels().GetPixel(5, 5).ToColor()!;
        Assert.True(corner.R > corner.G + 20 && corner.R > corner.B + 20, $"A red product's background is a red tint, not {corner}.");
        var key = ImageUrls.GeneratedKey(product.Id, product.Name, "kitchen");
        Assert.Equal(RenditionFiles.Length, (await host.StoredImagesAsync()).Count(n => n.StartsWith(key, StringComparison.Ordinal)));

        // A key that does not match the product's current name is not drawn (no one fills the store by inventing names).
        using var stale = await host.Client().GetAsync($"{ImageUrls.Prefix}g{product.Id:N}-000000000000-card.jpg", Ct);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    private HttpClient Admin() => host.Client(TestTokens.Admin());

    private async Task<Guid> NewProductAsync(string name) =>
        (await host.AddProductsAsync([(name, "For the image tests.", 5m, "decor", "acme", 3)]))[0].Id;
}
