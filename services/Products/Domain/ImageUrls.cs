using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Products.Domain;

/// <summary>
/// Where a stored image is served from (through the gateway, as every API). An image is a key with renditions named
/// <c>{key}-{thumb|card|large|zoom}.{webp|jpg}</c>; the URL the API gives is the card JPEG, which any client can show, and
/// the storefront derives the others from it (docs/products.md#images).
/// </summary>
public static class ImageUrls
{
    public const string Prefix = "/api/products/images/";

    /// <summary>The rendition every list and page links to: the card-size JPEG.</summary>
    public const string DefaultSuffix = "-card.jpg";

    /// <summary>The URL of a stored image: its card JPEG for processed keys, the name itself for an older single file.</summary>
    public static string For(string fileName) => Prefix + (fileName.Contains('.', StringComparison.Ordinal) ? fileName : fileName + DefaultSuffix);

    /// <summary>The product's first image, or its generated illustration when it has none (every product shows one).</summary>
    public static string ForProduct(string? firstImage, Guid productId, string name, string categorySlug) =>
        For(firstImage ?? GeneratedKey(productId, name, categorySlug));

    /// <summary>
    /// The key of a product's generated illustration: the product id and a hash of what the drawing shows, so renaming a
    /// product or moving it to another category gives a new URL rather than a stale image cached for a year.
    /// </summary>
    public static string GeneratedKey(Guid productId, string name, string categorySlug)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\n{categorySlug}"));
        return $"g{productId:N}-{Convert.ToHexStringLower(hash.AsSpan(0, 6))}";
    }
}
