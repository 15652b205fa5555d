using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Images;

/// <summary>
/// Registers image storage and processing. <c>ConnectionStrings:images</c> chooses the store: a storage connection
/// string (Azurite's well-known development account locally) or, in Azure, the account's blob endpoint alone, reached
/// with the managed identity (role "Storage Blob Data Contributor", infra/modules/storage.bicep). Without it, a folder.
/// A thin equivalent of Aspire.Azure.Storage.Blobs, which this machine's package registry does not serve.
/// </summary>
public static class ImagesSetup
{
    public static IHostApplicationBuilder AddProductImages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImageOptions>().BindConfiguration(ImageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImageProcessor>();
        builder.Services.AddSingleton<GeneratedImages>();
        builder.Services.AddSingleton<MissingRenditions>();
        builder.Services.AddScoped<ImageUploads>();

        var connection = builder.Configuration.GetConnectionString(ImageOptions.ConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            builder.Services.AddSingleton<IImageStore, DiskImageStore>();
            return builder;
        }

        builder.Services.AddSingleton(_ => CreateClient(connection));
        builder.Services.AddSingleton<IImageStore, BlobImageStore>();
        // Degraded, not Unhealthy: without the store only images fail; the catalog, search and checkout carry on.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(ImageOptions.ConnectionName,
            sp => new BlobStoreHealthCheck(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<ImageOptions>>()),
            HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(5)));
        return builder;
    }

    private static BlobServiceClient CreateClient(string connection) =>
        Uri.TryCreate(connection, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http"
            // AZURE_CLIENT_ID (set in every container app) selects the user-assigned identity.
            ? new BlobServiceClient(endpoint, new DefaultAzureCredential())
            : new BlobServiceClient(connection);

    /// <summary>Ready when the container can be asked for its properties (or does not exist yet: it is created on first use).</summary>
    private sealed class BlobStoreHealthCheck(BlobServiceClient service, IOptions<ImageOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await service.GetBlobContainerClient(options.Value.Container).ExistsAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is Azure.RequestFailedException or AuthenticationFailedException or HttpRequestException or OperationCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The image store does not answer.", e);
            }
        }
    }
}
