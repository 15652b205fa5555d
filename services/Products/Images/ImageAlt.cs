using ECommerce.Products.Domain;

namespace ECommerce.Products.Images;

/// <summary>An image's alt text as an admin gives it, on upload or later: trimmed, blank meaning none, bounded.</summary>
public static class ImageAlt
{
    /// <summary>The trimmed text (null when blank), or an error naming <c>alt</c> when it is too long.</summary>
    public static string? Check(ValidationErrors errors, string? alt) =>
        errors.Text("alt", alt, ProductImage.MaxAltLength, required: false);
}

