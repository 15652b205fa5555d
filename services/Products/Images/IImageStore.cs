namespace ECommerce.Products.Images;

/// <summary>Where product images live: the disk in development; a Blob-storage implementation can replace it.</summary>
public interface IImageStore
{
    /// <summary>Stores the image under a name the store chooses, and returns that name.</summary>
    Task<string> SaveAsync(Guid productId, ImageFormat format, Stream content, CancellationToken ct);

    /// <summary>The image, or null when there is none by that name.</summary>
    Task<Stream?> OpenReadAsync(string fileName, CancellationToken ct);
}
