using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.AppHost.Resources;

/// <summary>Azurite's blob service run under Node; its connection string names the well-known development account.</summary>
public sealed class AzuriteResource(string name, string workingDirectory)
    : ExecutableResource(name, "node", workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "blob";

    /// <summary>Azurite's published development account and key (the same on every machine; not a secret).</summary>
    public const string Account = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public EndpointReference Endpoint => new(this, EndpointName);

    // The IPv4 address, not "localhost": with "localhost" every blob read through the AppHost's proxy answered 400
    // InvalidResourceName (seen in the whole system, where the tests' Azurite on 127.0.0.1 had none), so every
    // product image was a 500; WholeSystemTests and the first browser journey now check that images arrive.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint=http://{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}/{Account};");
}

/// <summary>
/// Blob storage for product images (connection <c>images</c>). Running, Azurite (the <c>azurite</c> npm package of
/// tools/azurite) in every infrastructure mode, with or without Docker, its data under the AppHost's data folder;
/// a given <c>ConnectionStrings:images</c> wins. Published, a connection string: the storage account's blob endpoint,
/// reached with the managed identity (infra/modules/storage.bicep). Aspire.Hosting.Azure.Storage is not in this
/// machine's registry, so this is its thin equivalent.
/// </summary>
public static class ImageStorageExtensions
{
    public const string Name = "images";

    public static IResourceBuilder<IResourceWithConnectionString> AddImageStorage(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Name)))
        {
            return builder.AddConnectionString(Name);
        }

        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var toolDirectory = Path.Combine(repositoryRoot, "tools", "azurite");
        var dataRoot = Path.GetFullPath(builder.Configuration["Infrastructure:DataDirectory"] ?? Path.Combine(repositoryRoot, ".data", "local"));
        var dataDirectory = Path.Combine(dataRoot, "azurite");
        Directory.CreateDirectory(dataDirectory);

        var azurite = new AzuriteResource(Name, toolDirectory);
        var healthKey = $"{Name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthKey, _ => new AnswersHttp(azurite.Endpoint), null, null));
        var resource = builder.AddResource(azurite)
            .WithEndpoint(AzuriteResource.EndpointName, e =>
            {
                e.UriScheme = "http";
                e.Transport = "http";
                e.IsProxied = true;
            })
            .WithArgs(ctx =>
            {
                ctx.Args.Add(Path.Combine("node_modules", "azurite", "dist", "src", "blob", "main.js"));
                ctx.Args.Add("--blobHost");
                ctx.Args.Add("127.0.0.1");
                ctx.Args.Add("--blobPort");
                ctx.Args.Add(azurite.Endpoint.Property(EndpointProperty.TargetPort));
                // --skipApiVersionCheck: Azure.Storage.Blobs may speak a newer REST version than this Azurite knows.
                foreach (var arg in new[] { "--location", dataDirectory, "--skipApiVersionCheck", "--loose", "--silent" })
                {
                    ctx.Args.Add(arg);
                }
            })
            .WithHealthCheck(healthKey)
            .WithIconName("Image");

        // A fresh clone installs the package once, visibly, as its own resource (as the storefront's npm install).
        if (!Directory.Exists(Path.Combine(toolDirectory, "node_modules", "azurite")))
        {
            var install = builder.AddExecutable($"{Name}-install", "npm", toolDirectory, "ci", "--no-audit", "--no-fund").WithIconName("ArrowDownload");
            resource.WaitForCompletion(install);
        }

        return builder.CreateResourceBuilder<IResourceWithConnectionString>(azurite);
    }

    /// <summary>Gives the service <c>ConnectionStrings__images</c>, and waits for Azurite when the AppHost runs it.</summary>
    public static IResourceBuilder<ProjectResource> WithImageStorage(this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> storage)
    {
        service.WithReference(storage);
        return storage.Resource is AzuriteResource ? service.WaitFor(storage) : service;
    }

    /// <summary>Healthy once Azurite answers HTTP at all: an unsigned request gets a 403, which is an answer.</summary>
    private sealed class AnswersHttp(EndpointReference endpoint) : IHealthCheck
    {
        private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(3) };

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var response = await Client.GetAsync($"{endpoint.Url}/{AzuriteResource.Account}?comp=list", cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (HttpRequestException e)
            {
                return HealthCheckResult.Unhealthy("Azurite does not answer.", e);
            }
        }
    }
}
