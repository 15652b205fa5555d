using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// The catalog read with its depth (issue #19): families collapsed on the list, a colour-facet filter, a family
/// variant's page (with every sibling's price and stock), and an image rendition. The URLs are read from the seeded
/// catalog itself, so they hold for the retail dataset and the generated catalog alike.
/// </summary>
internal static class CatalogDepthScenarios
{
    /// <summary>A benchmark request: its path and, for a revalidation, the ETag to send as If-None-Match.</summary>
    public sealed record Scenario(string Name, string Url, string? IfNoneMatch = null, bool ImageRun = false);

    public static async Task<List<Scenario>> DiscoverAsync(HttpClient client, TextWriter output)
    {
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/products?limit=100")).RootElement;
        var facets = first.GetProperty("facets");
        var colour = facets.GetProperty("colours").EnumerateArray().First();
        var families = first.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("variantCount").GetInt32() > 1).ToList();
        var family = families.OrderByDescending(i => i.GetProperty("variantCount").GetInt32()).First();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"families: {families.Count} of the first 100 list items ({facets.GetProperty("total").GetInt32()} items in all); colours {facets.GetProperty("colours").GetArrayLength()}, sizes {facets.GetProperty("sizes").GetArrayLength()}; " +
            $"biggest family \"{family.GetProperty("name").GetString()}\" ({family.GetProperty("variantCount").GetInt32()} variants); colour filter \"{colour.GetProperty("slug").GetString()}\" ({colour.GetProperty("count").GetInt32()} items)"));

        // An image: the card rendition (JPEG) of the family's variant, and its WebP thumbnail, as the storefront asks;
        // then the card and the 960 px large rendition (the product page's main image on a desktop) in both formats.
        var card = family.GetProperty("imageUrl").GetString() ?? throw new InvalidOperationException("the list item has no image URL");
        var thumb = card.Replace("-card.jpg", "-thumb.webp", StringComparison.Ordinal);
        var (cardWebp, large, largeWebp) = (card.Replace(".jpg", ".webp", StringComparison.Ordinal),
            card.Replace("-card.jpg", "-large.jpg", StringComparison.Ordinal), card.Replace("-card.jpg", "-large.webp", StringComparison.Ordinal));
        await TimeFirstRequestsAsync(client, first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("imageUrl").GetString()!).Skip(50).Take(5).ToList(), output);
        using var stored = await client.GetAsync(card);
        stored.EnsureSuccessStatusCode();
        var etag = stored.Headers.ETag?.Tag ?? throw new InvalidOperationException("the image has no ETag");
        var bytes = new List<string>();
        foreach (var url in new[] { card, cardWebp, large, largeWebp })
        {
            bytes.Add($"{url[(url.LastIndexOf('-') + 1)..]} {(await client.GetByteArrayAsync(url)).Length:N0} B");
        }

        output.WriteLine("rendition sizes of that illustration: " + string.Join(", ", bytes));

        return
        [
            new("families: list page (collapsed) with facets", "/api/products?sort=best_selling&limit=24"),
            new($"families: colour facet filter \"{colour.GetProperty("slug").GetString()}\"", $"/api/products?colour={Uri.EscapeDataString(colour.GetProperty("slug").GetString()!)}&limit=24"),
            new("families: a variant's page (family, siblings' price and stock)", $"/api/products/{family.GetProperty("id").GetString()}"),
            new("image: card JPEG, stored", card, ImageRun: true),
            new("image: thumbnail WebP, stored", thumb, ImageRun: true),
            new("image: card WebP (480 px), stored", cardWebp, ImageRun: true),
            new("image: large JPEG (960 px), stored", large, ImageRun: true),
            new("image: large WebP (960 px), stored", largeWebp, ImageRun: true),
            new("image: revalidation (If-None-Match → 304)", card, etag, ImageRun: true),
        ];
    }

    /// <summary>The first request for an image nobody has asked for draws its illustration and stores eight renditions.</summary>
    private static async Task TimeFirstRequestsAsync(HttpClient client, List<string> urls, TextWriter output)
    {
        var times = new List<double>();
        foreach (var url in urls)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"image first request (draw, eight renditions, store): {times.Count} images, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms"));
    }
}
