using System.ComponentModel.DataAnnotations;

namespace ECommerce.Products.Images;

/// <summary>Image settings (section <c>Products:Images</c>); the store itself is chosen by <c>ConnectionStrings:images</c>.</summary>
public sealed class ImageOptions
{
    public const string SectionName = "Products:Images";

    /// <summary>The connection name of the blob store (Azurite locally, the storage account's blob endpoint in Azure).</summary>
    public const string ConnectionName = "images";

    /// <summary>Folder for images when no blob store is configured, relative to the content root unless absolute.</summary>
    public string Root { get; set; } = ".data/images";

    /// <summary>The blob container; created on first use.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string Container { get; set; } = "product-images";

    [Range(1024, 50 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The largest canvas an upload may declare (width x height), checked from the header before anything is decoded:
    /// 40 MP is a 7,300 x 5,500 photo, 160 MB of pixels at 8-bit RGBA; a "bomb" of a few KB declaring more is refused.
    /// </summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>The longest side an upload may declare.</summary>
    [Range(16, 65_000)]
    public int MaxSide { get; set; } = 12_000;

    /// <summary>A TrueType font for the generated illustrations' text; when none is found they are drawn without it.</summary>
    public string? FontPath { get; set; }
}
