using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>What became of an upload: the stored image's key, or the problem with the file (a 400 naming <c>file</c>).</summary>
public sealed record UploadOutcome(bool ProductFound, string? Key, string? Problem);

/// <summary>
/// An admin's image upload: checked (size, declared type, name, real bytes, declared canvas) before it is decoded,
/// then cleaned and rendered (<see cref="ImageProcessor"/>), every rendition stored, and the image recorded last, so a
/// product never lists an image whose files are missing.
/// </summary>
public sealed class ImageUploads(ProductsDbContext db, IImageStore store, ImageProcessor processor, CatalogCache cache, IOptions<ImageOptions> options)
{
    /// <param name="alt">The alt text, already checked and trimmed (<see cref="ImageAlt.Check"/>).</param>
    public async Task<UploadOutcome> UploadAsync(Guid productId, IFormFile? file, string? alt, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return new UploadOutcome(false, null, null);
        }

        if (ImageUpload.Check(file, options.Value.MaxBytes) is { } problem)
        {
            return new UploadOutcome(true, null, problem);
        }

        byte[] bytes;
        await using (var content = file!.OpenReadStream())
        {
            bytes = new byte[file.Length];
            await content.ReadExactlyAsync(bytes, ct);
        }

        if (processor.Inspect(bytes) is { } refused)
        {
            return new UploadOutcome(true, null, refused);
        }

        var image = await processor.ProcessAsync(ImageNames.NewKey(productId), bytes, ct);
        if (image is null)
        {
            return new UploadOutcome(true, null, "The image cannot be decoded.");
        }

        await Task.WhenAll(image.Files.Select(f => store.SaveAsync(f.Name, f.Content, f.ContentType, ct)));
        var order = await db.ProductImages.CountAsync(i => i.ProductId == productId, ct);
        db.ProductImages.Add(new ProductImage
        {
            ProductId = productId,
            FileName = image.Key,
            ContentType = ImageFormat.Jpeg.ContentType,
            SortOrder = order,
            Width = image.Width,
            Height = image.Height,
            Renditions = ImageNames.All(),
            Alt = alt,
        });
        await db.SaveChangesAsync(ct);
        await cache.InvalidateProductAsync(productId);
        return new UploadOutcome(true, image.Key, null);
    }

    /// <summary>Sets (or, with null, clears) an image's alt text; false when the product has no such image.</summary>
    public async Task<bool> SetAltAsync(Guid productId, Guid imageId, string? alt, CancellationToken ct)
    {
        var changed = await db.ProductImages.Where(i => i.Id == imageId && i.ProductId == productId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Alt, alt), ct);
        if (changed == 0)
        {
            return false;
        }

        await cache.InvalidateProductAsync(productId);
        return true;
    }
}
