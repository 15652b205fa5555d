namespace ECommerce.AppHost.Resources;

/// <summary>How every .NET service joins the application.</summary>
public static class ServiceExtensions
{
    /// <summary>
    /// Adds the service's project with a health check on its /health (readiness: database, cache, broker), so that a
    /// <c>WaitFor</c> on it means "migrated and ready", not merely "process started".
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name).WithHttpHealthCheck("/health");
}
