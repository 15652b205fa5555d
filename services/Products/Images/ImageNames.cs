using System.Text.RegularExpressions;

namespace ECommerce.Products.Images;

/// <summary>One size an image is stored in: the longest side in pixels (smaller originals are never enlarged).</summary>
public sealed record Rendition(string Name, int LongSide);

/// <summary>
/// The names of stored objects: <c>{key}-{thumb|card|large|zoom}.{webp|jpg}</c>, where a key is <c>{productId}-{random}</c> for an
/// upload or <c>g{productId}-{hash}</c> for a generated illustration; plus the single files of older uploads.
/// Anything else is refused before a store is asked, so a name can never address a path or another container.
/// </summary>
public static partial class ImageNames
{
    public static readonly Rendition Thumb = new("thumb", 160);
    public static readonly Rendition Card = new("card", 480);

    /// <summary>The product page's main image on a desktop or a dense phone screen, where a 480 px card would be stretched.</summary>
    public static readonly Rendition Large = new("large", 960);
    public static readonly Rendition Zoom = new("zoom", 1600);

    public static readonly IReadOnlyList<Rendition> Renditions = [Thumb, Card, Large, Zoom];

    /// <summary>WebP for browsers that take it (about a third smaller), JPEG for every other client.</summary>
    public static readonly IReadOnlyList<ImageFormat> Formats = [ImageFormat.WebP, ImageFormat.Jpeg];

    public static string NewKey(Guid productId) => $"{productId:N}-{Guid.NewGuid():N}";

    public static string Of(string key, Rendition rendition, ImageFormat format) => $"{key}-{rendition.Name}{format.Extension}";

    /// <summary>The rendition list a <see cref="Domain.ProductImage"/> records, e.g. <c>thumb.webp</c>.</summary>
    public static List<string> All() =>
        [.. Renditions.SelectMany(r => Formats.Select(f => r.Name + f.Extension))];

    public static bool IsValid(string name) => Rendered().IsMatch(name) || Legacy().IsMatch(name);

    /// <summary>The product whose generated illustration <paramref name="name"/> is, or null for any other name.</summary>
    public static Guid? GeneratedProduct(string name)
    {
        var match = Rendered().Match(name);
        return match.Success && match.Groups["generated"].Success ? Guid.ParseExact(match.Groups["product"].Value, "N") : null;
    }

    /// <summary>The key of a rendition's name (the part before <c>-{rendition}.{format}</c>), or null.</summary>
    public static string? KeyOf(string name)
    {
        var match = Rendered().Match(name);
        return match.Success ? match.Groups["key"].Value : null;
    }

    /// <summary>The rendition a name is of (e.g. <see cref="Large"/>), or null for a legacy file or an unknown name.</summary>
    public static Rendition? RenditionOf(string name)
    {
        var match = Rendered().Match(name);
        return match.Success ? Renditions.Single(r => r.Name == match.Groups["rendition"].Value) : null;
    }

    [GeneratedRegex("^(?<key>(?<generated>g)?(?<product>[0-9a-f]{32})-(?(generated)[0-9a-f]{12}|[0-9a-f]{32}))-(?<rendition>thumb|card|large|zoom)\\.(webp|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex Rendered();

    [GeneratedRegex("^[0-9a-f]{32}-[0-9a-f]{32}\\.(png|jpg|gif|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex Legacy();
}
