using System.Collections.Concurrent;

namespace ECommerce.Products.Images;

/// <summary>
/// Renditions added after an image was uploaded (the 960 px <c>large</c>), rendered on the first request for one from
/// the image's stored zoom rendition and stored, as illustrations are drawn on first request: no backfill job, no
/// start-up work, and every replica then serves the one stored copy. Only a key whose zoom rendition exists is rendered,
/// so no one can fill the store by inventing names. Concurrent requests for one key share one rendering.
/// </summary>
public sealed class MissingRenditions(IImageStore store, ImageProcessor processor, ILogger<MissingRenditions> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _rendering = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is an upload's rendition that now exists in the store.</summary>
    public async Task<bool> EnsureAsync(string name, CancellationToken ct)
    {
        // Generated illustrations redraw every rendition themselves (GeneratedImages); the zoom is the source, never derived.
        if (ImageNames.GeneratedProduct(name) is not null || ImageNames.KeyOf(name) is not { } key
            || ImageNames.RenditionOf(name) is not { } rendition || rendition == ImageNames.Zoom)
        {
            return false;
        }

        var rendering = _rendering.GetOrAdd(key + "-" + rendition.Name, _ => new Lazy<Task<bool>>(() => RenderAsync(key, rendition)));
        try
        {
            // Not cancelled with one caller: others may be waiting for it, and it is stored for all.
            return await rendering.Value.WaitAsync(ct);
        }
        finally
        {
            if (rendering.IsValueCreated && rendering.Value.IsCompleted)
            {
                _rendering.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(key + "-" + rendition.Name, rendering));
            }
        }
    }

    private async Task<bool> RenderAsync(string key, Rendition rendition)
    {
        // The WebP zoom keeps any transparency (the JPEG is flattened on white); both formats are rendered from it.
        await using var zoom = await store.OpenReadAsync(ImageNames.Of(key, ImageNames.Zoom, ImageFormat.WebP), CancellationToken.None);
        if (zoom is null)
        {
            return false;
        }

        using var bytes = new MemoryStream();
        await zoom.CopyToAsync(bytes);
        var started = TimeProvider.System.GetTimestamp();
        var image = await processor.RenderFromAsync(key, bytes.ToArray(), [rendition], CancellationToken.None);
        if (image is null)
        {
            return false;
        }

        await Task.WhenAll(image.Files.Select(f => store.SaveAsync(f.Name, f.Content, f.ContentType, CancellationToken.None)));
        logger.LogInformation("Rendered the missing {Rendition} rendition of {Key} in {Elapsed} ms", rendition.Name, key,
            (int)TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }
}
