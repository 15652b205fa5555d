using ECommerce.Products.Domain;
using ECommerce.Products.Images;

namespace ECommerce.Products.Catalog;

/// <summary>
/// One image of a product with every stored rendition and its real size, so a page can build a <c>&lt;picture&gt;</c>
/// with a WebP <c>srcset</c>, a JPEG fallback and width descriptors. <see cref="Id"/> is the upload's (what the back
/// office edits its alt text by; null for a generated illustration); <see cref="Alt"/> is the stored alt text, null
/// when none was given (clients then describe the picture by the product's name). <see cref="Width"/> and
/// <see cref="Height"/> are the upright original's (0 when unknown, for a file stored before renditions existed).
/// </summary>
public sealed record GalleryImage(Guid? Id, string? Alt, int Width, int Height, IReadOnlyList<GalleryRendition> Renditions);

/// <summary>
/// One rendition (<c>thumb</c>, <c>card</c>, <c>large</c>, <c>zoom</c>; <c>original</c> for an older single file): <see cref="Url"/> is
/// the JPEG any client shows, <see cref="Webp"/> the smaller WebP (null when none was stored).
/// </summary>
public sealed record GalleryRendition(string Name, int Width, int Height, string Url, string? Webp);

/// <summary>Builds <see cref="GalleryImage"/>s from what a <see cref="ProductImage"/> row records.</summary>
public static class GalleryImages
{
    /// <summary>What a gallery needs of a stored image row (a projection, so queries need not load whole entities).</summary>
    public sealed record Stored(Guid? Id, string FileName, int Width, int Height, string? Alt);

    /// <summary>
    /// A product's images in their order, or its generated illustration when it has none (no alt text of its own: the
    /// product's name says what it shows). Every processed image lists every rendition, <c>large</c> included for
    /// uploads older than it: that one is rendered on its first request (Images/MissingRenditions.cs).
    /// </summary>
    public static IReadOnlyList<GalleryImage> For(IEnumerable<Stored> images, Guid productId, string name, string categorySlug)
    {
        var list = images.Select(Of).ToList();
        return list.Count > 0 ? list : [Of(new Stored(null, ImageUrls.GeneratedKey(productId, name, categorySlug), Illustration.Size, Illustration.Size, null))];
    }

    private static GalleryImage Of(Stored image)
    {
        // An older upload is one file with its extension; its size was never recorded.
        if (image.FileName.Contains('.', StringComparison.Ordinal))
        {
            return new GalleryImage(image.Id, image.Alt, 0, 0, [new GalleryRendition("original", 0, 0, ImageUrls.For(image.FileName), null)]);
        }

        return new GalleryImage(image.Id, image.Alt, image.Width, image.Height, [.. ImageNames.Renditions.Select(r => Rendition(image, r))]);
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
