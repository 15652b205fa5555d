using System.Buffers.Binary;
using ImageMagick;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>One stored object of a processed image.</summary>
public sealed record RenderedFile(string Name, BinaryData Content, string ContentType);

/// <summary>A processed image: the original's size after orientation and every rendition, ready to store.</summary>
public sealed record ProcessedImage(string Key, int Width, int Height, IReadOnlyList<RenderedFile> Files);

/// <summary>
/// Decodes, cleans and resizes images with Magick.NET (ImageMagick; why this library: docs/products.md#images). An
/// upload is inspected from its header first (format by bytes, declared canvas) and decoded only when it is within the
/// limits, which ImageMagick's own resource limits enforce a second time. Decoding is CPU- and memory-heavy, so at most
/// one image per core is processed at once; the rest wait.
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly ImageOptions _options;

    public ImageProcessor(IOptions<ImageOptions> options)
    {
        _options = options.Value;
        // Process-wide: no decoder may allocate past these, whatever a file's header claims.
        ResourceLimits.Width = (uint)_options.MaxSide;
        ResourceLimits.Height = (uint)_options.MaxSide;
        ResourceLimits.Area = (ulong)_options.MaxPixels;
        ResourceLimits.Memory = 512UL * 1024 * 1024;
        ResourceLimits.ListLength = 64;
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>The problem with an upload's bytes, or null: a known image format whose declared canvas is within limits.</summary>
    public string? Inspect(byte[] bytes)
    {
        if (ImageFormat.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 12))) is null)
        {
            return "The file is not a PNG, JPEG, GIF or WebP image.";
        }

        try
        {
            // PNG and GIF state their canvas in fixed header bytes (libpng itself refuses an absurd one before we could
            // ask); the others through ImageMagick's "ping", which reads the header only. No pixel is decoded yet.
            var (width, height) = DeclaredSize(bytes) ?? PingSize(bytes);
            if (width == 0 || height == 0)
            {
                return "The image declares no size.";
            }

            return width > _options.MaxSide || height > _options.MaxSide || width * height > _options.MaxPixels
                ? $"The image declares {width} x {height} pixels; the limit is {_options.MaxPixels / 1_000_000} megapixels and {_options.MaxSide} pixels a side."
                : null;
        }
        catch (MagickResourceLimitErrorException)
        {
            return $"The image declares more than {_options.MaxPixels / 1_000_000} megapixels or {_options.MaxSide} pixels a side.";
        }
        catch (MagickException)
        {
            return "The image cannot be read.";
        }
    }

    private static (long Width, long Height)? DeclaredSize(byte[] bytes)
    {
        var format = ImageFormat.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 12)));
        if (format == ImageFormat.Png && bytes.Length >= 24 && bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)));
        }

        return format == ImageFormat.Gif && bytes.Length >= 10
            ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)))
            : null;
    }

    private static (long Width, long Height) PingSize(byte[] bytes)
    {
        var info = new MagickImageInfo(bytes);
        return (info.Width, info.Height);
    }

    /// <summary>Decodes an inspected upload (the first frame of an animation), then renders it; null when it cannot be decoded.</summary>
    public async Task<ProcessedImage?> ProcessAsync(string key, byte[] bytes, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            using var image = new MagickImage(bytes, new MagickReadSettings { FrameIndex = 0, FrameCount = 1 });
            return Render(key, image);
        }
        catch (MagickException)
        {
            return null;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Renders <paramref name="renditions"/> from a larger stored rendition (a new size for an image uploaded before the
    /// size existed: docs/products.md#images); null when the stored bytes cannot be decoded.
    /// </summary>
    public async Task<ProcessedImage?> RenderFromAsync(string key, byte[] larger, IReadOnlyList<Rendition> renditions, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            using var image = new MagickImage(larger);
            return Render(key, image, renditions);
        }
        catch (MagickException)
        {
            return null;
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Renders an image drawn in memory (a generated illustration) like an upload.</summary>
    public async Task<ProcessedImage> ProcessAsync(string key, Func<MagickImage> draw, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            using var image = draw();
            return Render(key, image);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Upright (EXIF orientation applied, then dropped), stripped of every profile and comment (EXIF with GPS, XMP, IPTC),
    /// in sRGB, then each rendition from the largest down, in WebP and in JPEG (flattened on white).
    /// </summary>
    private static ProcessedImage Render(string key, MagickImage image, IReadOnlyList<Rendition>? renditions = null)
    {
        image.AutoOrient();
        image.Strip();
        image.ColorSpace = ColorSpace.sRGB;
        var (width, height) = ((int)image.Width, (int)image.Height);

        var files = new List<RenderedFile>();
        using var current = (MagickImage)image.Clone();
        foreach (var rendition in (renditions ?? ImageNames.Renditions).OrderByDescending(r => r.LongSide))
        {
            // ">" only shrinks: a small original is stored at its own size rather than blown up.
            current.Resize(new MagickGeometry((uint)rendition.LongSide, (uint)rendition.LongSide) { Greater = true });
            files.Add(Encode(key, rendition, current, ImageFormat.WebP));
            files.Add(Encode(key, rendition, current, ImageFormat.Jpeg));
        }

        return new ProcessedImage(key, width, height, files);
    }

    private static RenderedFile Encode(string key, Rendition rendition, MagickImage source, ImageFormat format)
    {
        using var copy = (MagickImage)source.Clone();
        if (format == ImageFormat.Jpeg)
        {
            copy.BackgroundColor = MagickColors.White;
            copy.Alpha(AlphaAction.Remove);
            copy.Format = MagickFormat.Jpeg;
            copy.Quality = 82;
            copy.Settings.Interlace = Interlace.Plane;
        }
        else
        {
            copy.Format = MagickFormat.WebP;
            copy.Quality = 80;
        }

        copy.Strip();
        return new RenderedFile(ImageNames.Of(key, rendition, format), BinaryData.FromBytes(copy.ToByteArray()), format.ContentType);
    }
}
