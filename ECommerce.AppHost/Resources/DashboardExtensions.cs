using System.Security.Cryptography;

namespace ECommerce.AppHost.Resources;

/// <summary>What the dashboard offers a developer on a service's resource: its API reference and its commands.</summary>
public static class DashboardExtensions
{
    /// <summary>
    /// Authorises the dashboard's command requests for this run only: made at start, held in memory, given to the services
    /// that offer commands (<c>Dashboard:CommandKey</c>) and sent by the dashboard in <c>X-Dashboard-Command-Key</c>.
    /// </summary>
    private static readonly string CommandKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Links the service's OpenAPI reference (Scalar, mapped in Development) from its row on the dashboard.</summary>
    public static IResourceBuilder<ProjectResource> WithApiReferenceLink(this IResourceBuilder<ProjectResource> service) =>
        service.WithUrls(context =>
        {
            if (context.Urls.FirstOrDefault(u => u.Endpoint?.EndpointName == "http") is { Endpoint: { } endpoint } url)
            {
                context.Urls.Add(new ResourceUrlAnnotation { Url = $"{url.Url.TrimEnd('/')}/scalar", DisplayText = "API reference (Scalar)", Endpoint = endpoint });
            }
        });

    /// <summary>
    /// A button on the service's dashboard row that runs <c>POST /dev/commands/{name}</c> (see ServiceDefaults'
    /// DashboardCommands); run mode only, so nothing of it reaches the deployment manifest.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDashboardCommand(
        this IResourceBuilder<ProjectResource> service, string name, string displayName, string description, string iconName)
    {
        if (!service.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return service;
        }

        return service
            .WithEnvironment("Dashboard__CommandKey", CommandKey)
            .WithHttpCommand($"/dev/commands/{name}", displayName, commandName: name, commandOptions: new HttpCommandOptions
            {
                Description = description,
                IconName = iconName,
                Method = HttpMethod.Post,
                PrepareRequest = context =>
                {
                    context.Request.Headers.Add("X-Dashboard-Command-Key", CommandKey);
                    return Task.CompletedTask;
                },
            });
    }
}
