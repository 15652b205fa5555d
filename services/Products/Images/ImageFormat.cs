namespace ECommerce.Products.Images;

/// <summary>An accepted image format, recognised by its first bytes rather than by what the client claims.</summary>
public sealed record ImageFormat(string ContentType, string Extension)
{
    public static readonly ImageFormat Png = new("image/png", ".png");
    public static readonly ImageFormat Jpeg = new("image/jpeg", ".jpg");
    public static readonly ImageFormat Gif = new("image/gif", ".gif");
    public static readonly ImageFormat WebP = new("image/webp", ".webp");

    public static readonly IReadOnlyList<ImageFormat> All = [Png, Jpeg, Gif, WebP];

    /// <summary>The format the header bytes show, or null for anything else (SVG is refused: it can carry script).</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        return header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) ? WebP : null;
    }

    public static ImageFormat? FromExtension(string extension) =>
        All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));
}
