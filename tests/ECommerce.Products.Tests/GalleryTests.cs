using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Products.Domain;
using ECommerce.Testing;
using ImageMagick;
using static ECommerce.Products.Tests.ImageFiles;

namespace ECommerce.Products.Tests;

/// <summary>
/// The product page's gallery: every image in order with each rendition's real size and both formats (what the
/// storefront's responsive pictures and zoom are built from), for uploads, illustrations and a family's variants.
/// </summary>
public sealed class GalleryTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_gallery_lists_uploads_in_order_with_each_renditions_size_in_webp_and_jpeg()
    {
        var id = (await host.AddProductsAsync([("Walnut Tray", "For the gallery tests.", 9m, "decor", "acme", 3)]))[0].Id;
        using var admin = host.Client(TestTokens.Admin());
        // An 800 x 600 photograph turned upright (600 x 800), then a small 300 x 200 PNG that is never enlarged.
        using (var first = await admin.PostAsync($"/api/products/{id}/images", Form(JpegWithGps(), "tray.jpg", "image/jpeg"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var small = new MagickImage(new MagickColor("#3a7bd5"), 300, 200) { Format = MagickFormat.Png };
        using (var second = await admin.PostAsync($"/api/products/{id}/images", Form(small.ToByteArray(), "detail.png", "image/png"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        var detail = await host.Client().GetJsonAsync($"/api/products/{id}");
        var gallery = detail.GetProperty("gallery").EnumerateArray().ToList();

        Assert.Equal(2, gallery.Count);
        // No alt text was given: clients describe the pictures by the product's name.
        Assert.All(gallery, g => Assert.Equal(JsonValueKind.Null, g.GetProperty("alt").ValueKind));
        Assert.Equal((600, 800), Size(gallery[0]));
        Assert.Equal([("thumb", 120, 160), ("card", 360, 480), ("large", 600, 800), ("zoom", 600, 800)], Renditions(gallery[0]));
        Assert.Equal([("thumb", 160, 107), ("card", 300, 200), ("large", 300, 200), ("zoom", 300, 200)], Renditions(gallery[1]));
        // The card JPEGs are the page's `images`, in the same order.
        Assert.Equal(detail.GetProperty("images").EnumerateArray().Select(i => i.GetString()), gallery.Select(g => Rendition(g, "card").GetProperty("url").GetString()));

        // Each URL answers in its format at the size the gallery states.
        foreach (var rendition in gallery[0].GetProperty("renditions").EnumerateArray())
        {
            foreach (var (field, format) in new[] { ("url", MagickFormat.Jpeg), ("webp", MagickFormat.WebP) })
            {
                using var image = new MagickImage(await host.Client().GetByteArrayAsync(rendition.GetProperty(field).GetString(), Ct));
                Assert.Equal(format, image.Format);
                Assert.Equal(((uint)rendition.GetProperty("width").GetInt32(), (uint)rendition.GetProperty("height").GetInt32()), (image.Width, image.Height));
            }
        }
    }

    [Fact]
    public async Task A_product_without_uploads_has_its_illustration_as_the_only_gallery_image()
    {
        var product = (await host.AddProductsAsync([("Ivory Pillar Candle", "No photograph yet.", 4m, "decor", "acme", 3)]))[0];

        var detail = await host.Client().GetJsonAsync($"/api/products/{product.Id}");
        var image = Assert.Single(detail.GetProperty("gallery").EnumerateArray());

        Assert.Equal(JsonValueKind.Null, image.GetProperty("alt").ValueKind);
        Assert.Equal(JsonValueKind.Null, image.GetProperty("id").ValueKind);
        Assert.Equal([("thumb", 160, 160), ("card", 480, 480), ("large", 960, 960), ("zoom", 1200, 1200)], Renditions(image));
        Assert.Equal(detail.GetProperty("images")[0].GetString(), Rendition(image, "card").GetProperty("url").GetString());
        var key = ImageUrls.GeneratedKey(product.Id, product.Name, "decor");
        Assert.Equal($"{ImageUrls.Prefix}{key}-zoom.webp", Rendition(image, "zoom").GetProperty("webp").GetString());
    }

    [Fact]
    public async Task Each_variant_of_a_family_carries_its_own_gallery_on_every_variants_page()
    {
        using var admin = host.Client(TestTokens.Admin());
        using var created = await admin.PostAsJsonAsync("/api/products/families", new
        {
            name = "Glass Vase",
            category = "decor",
            brand = "Acme",
            options = new[] { new { name = "Colour", values = new[] { "Clear", "Green" } } },
        }, Ct);
        var familyId = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        using var clear = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "VASE-CLEAR", price = 18m, optionValues = new { Colour = "Clear" }, initialStock = 2 }, Ct);
        using var green = await admin.PostAsJsonAsync($"/api/products/families/{familyId}/variants",
            new { sku = "VASE-GREEN", price = 18m, optionValues = new { Colour = "Green" }, initialStock = 2 }, Ct);
        var (clearId, greenId) = ((await clear.ReadJsonAsync()).GetProperty("id").GetGuid(), (await green.ReadJsonAsync()).GetProperty("id").GetGuid());
        using (var upload = await admin.PostAsync($"/api/products/{greenId}/images", Form(JpegWithGps(), "green.jpg", "image/jpeg"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        // The clear variant's page holds the green one's photograph, so picking green shows it without another request.
        var variants = (await host.Client().GetJsonAsync($"/api/products/{clearId}")).GetProperty("family").GetProperty("variants").EnumerateArray()
            .ToDictionary(v => v.GetProperty("id").GetGuid());
        var greenImage = Assert.Single(variants[greenId].GetProperty("gallery").EnumerateArray());
        var clearImage = Assert.Single(variants[clearId].GetProperty("gallery").EnumerateArray());

        Assert.Equal((600, 800), Size(greenImage));
        Assert.Equal(variants[greenId].GetProperty("imageUrl").GetString(), Rendition(greenImage, "card").GetProperty("url").GetString());
        Assert.StartsWith($"{ImageUrls.Prefix}g{clearId:N}-", Rendition(clearImage, "card").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    private static (int, int) Size(JsonElement image) => (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32());

    private static List<(string, int, int)> Renditions(JsonElement image) =>
        [.. image.GetProperty("renditions").EnumerateArray().Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("width").GetInt32(), r.GetProperty("height").GetInt32()))];

    private static JsonElement Rendition(JsonElement image, string name) =>
        image.GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
}
