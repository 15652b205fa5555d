using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>
/// Images as blobs in one container of Azure Blob Storage (Azurite locally), shared by every replica. The container is
/// created on first use, private: images are read through the service (and so the gateway), never from the account.
/// </summary>
public sealed class BlobImageStore(BlobServiceClient service, IOptions<ImageOptions> options) : IImageStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BlobContainerClient? _container;

    public void Dispose() => _gate.Dispose();

    public async Task SaveAsync(string name, BinaryData content, string contentType, CancellationToken ct)
    {
        var container = await ContainerAsync(ct);
        await container.GetBlobClient(Checked(name)).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = "public, max-age=31536000, immutable" },
        }, ct);
    }

    public async Task<Stream?> OpenReadAsync(string name, CancellationToken ct)
    {
        var container = await ContainerAsync(ct);
        try
        {
            var download = await container.GetBlobClient(Checked(name)).DownloadStreamingAsync(cancellationToken: ct);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken ct)
    {
        var container = await ContainerAsync(ct);
        return await container.GetBlobClient(Checked(name)).ExistsAsync(ct);
    }

    /// <summary>The container, created once per process (a replica that finds it already there just carries on).</summary>
    private async Task<BlobContainerClient> ContainerAsync(CancellationToken ct)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var container = service.GetBlobContainerClient(options.Value.Container);
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
            return _container = container;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Checked(string name) =>
        ImageNames.IsValid(name) ? name : throw new ArgumentException("Not a name this store generates.", nameof(name));
}
