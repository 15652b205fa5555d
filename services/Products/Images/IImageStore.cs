namespace ECommerce.Products.Images;

/// <summary>
/// Where product images live: Azure Blob Storage (Azurite locally) when <c>ConnectionStrings:images</c> is set, so every
/// replica sees the same images; a local folder otherwise (a single process without the AppHost).
/// </summary>
public interface IImageStore
{
    /// <summary>Stores (or replaces) the object <paramref name="name"/>; names are generated, never chosen by a caller.</summary>
    Task SaveAsync(string name, BinaryData content, string contentType, CancellationToken ct);

    /// <summary>The object, or null when there is none by that name.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken ct);

    /// <summary>Whether the object exists (a generated illustration is drawn once, by whichever replica is asked first).</summary>
    Task<bool> ExistsAsync(string name, CancellationToken ct);
}
