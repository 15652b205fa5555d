namespace ECommerce.Products.Domain;

/// <summary>
/// An uploaded image of a product. <see cref="FileName"/> is the key its renditions are stored under
/// (<c>{key}-{rendition}.{format}</c>); images stored before renditions existed keep a single file name with an extension.
/// </summary>
public sealed class ProductImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The original's size in pixels after auto-orientation (0 for images stored before renditions).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The stored renditions, e.g. <c>thumb.webp</c>, <c>card.jpg</c>: empty for a single legacy file.</summary>
    public List<string> Renditions { get; set; } = [];

    /// <summary>What the picture shows, for screen readers (trimmed, at most <see cref="MaxAltLength"/>); null shows the product's name.</summary>
    public string? Alt { get; set; }

    public const int MaxAltLength = 250;
}
