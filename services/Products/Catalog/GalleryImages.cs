using ECommerce.Products.Domain;
using ECommerce.Products.Images;

namespace ECommerce.Products.Catalog;

/// <summary>
/// One image of a product with every stored rendition and its real size, so a page can build a <c>&lt;picture&gt;</c>
/// with a WebP <c>srcset</c>, a JPEG fallback and width descriptors. <see cref="Width"/> and <see cref="Height"/> are
/// the upright original's (0 when unknown, for a file stored before renditions existed).
/// </summary>
public sealed record GalleryImage(string Alt, int Width, int Height, IReadOnlyList<GalleryRendition> Renditions);

/// <summary>
/// One rendition (<c>thumb</c>, <c>card</c>, <c>zoom</c>; <c>original</c> for an older single file): <see cref="Url"/> is
/// the JPEG any client shows, <see cref="Webp"/> the smaller WebP (null when none was stored).
/// </summary>
public sealed record GalleryRendition(string Name, int Width, int Height, string Url, string? Webp);

/// <summary>Builds <see cref="GalleryImage"/>s from what a <see cref="ProductImage"/> row records.</summary>
public static class GalleryImages
{
    /// <summary>What a gallery needs of a stored image row (a projection, so queries need not load whole entities).</summary>
    public sealed record Stored(string FileName, int Width, int Height);

    /// <summary>
    /// A product's images in their order, or its generated illustration when it has none. No image stores alt text
    /// yet, so each is described by the product's name (what a shopper needs to know it is the right product).
    /// </summary>
    public static IReadOnlyList<GalleryImage> For(IEnumerable<Stored> images, Guid productId, string name, string categorySlug)
    {
        var list = images.Select(i => Of(i, name)).ToList();
        return list.Count > 0 ? list : [Of(new Stored(ImageUrls.GeneratedKey(productId, name, categorySlug), Illustration.Size, Illustration.Size), name)];
    }

    private static GalleryImage Of(Stored image, string alt)
    {
        // An older upload is one file with its extension; its size was never recorded.
        if (image.FileName.Contains('.', StringComparison.Ordinal))
        {
            return new GalleryImage(alt, 0, 0, [new GalleryRendition("original", 0, 0, ImageUrls.For(image.FileName), null)]);
        }

        return new GalleryImage(alt, image.Width, image.Height, [.. ImageNames.Renditions.Select(r => Rendition(image, r))]);
    }

    /// <summary>The rendition's size as ImageProcessor stores it: the longest side shrunk to the rendition's, never enlarged.</summary>
    private static GalleryRendition Rendition(Stored image, Rendition rendition)
    {
        var longest = Math.Max(image.Width, image.Height);
        var scale = longest > rendition.LongSide ? (double)rendition.LongSide / longest : 1d;
        var (width, height) = ((int)Math.Round(image.Width * scale, MidpointRounding.AwayFromZero), (int)Math.Round(image.Height * scale, MidpointRounding.AwayFromZero));
        return new GalleryRendition(rendition.Name, width, height,
            ImageUrls.Prefix + ImageNames.Of(image.FileName, rendition, ImageFormat.Jpeg),
            ImageUrls.Prefix + ImageNames.Of(image.FileName, rendition, ImageFormat.WebP));
    }
}
