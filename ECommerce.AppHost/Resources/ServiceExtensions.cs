namespace ECommerce.AppHost.Resources;

/// <summary>How every .NET service joins the application.</summary>
public static class ServiceExtensions
{
    /// <summary>
    /// Adds the service's project with a health check on its /health (readiness: database, cache, broker), so that a
    /// <c>WaitFor</c> on it means "migrated and ready", not merely "process started".
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        // Plain HTTP behind the gateway (Container Apps' ingress terminates TLS when deployed): without this Aspire would
        // configure each project for HTTPS and raise "No trusted development certificate" on every dashboard page.
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API in 13.6; the only switch for this
        var service = builder.AddProject<TProject>(name).WithHttpHealthCheck("/health").WithoutHttpsCertificate().WithApiReferenceLink();
#pragma warning restore ASPIRECERTIFICATES001
        // A service's last act is flushing its telemetry to the dashboard. On Ctrl+C the dashboard goes first, and
        // the OTLP exporter's default 10 s timeout per attempt kept every service alive ~10 s after the signal
        // (measured with eng/measure-shutdown.sh: 17 s to stop the system, 9.4 s with this). The dashboard is on
        // this machine: an export that takes a second has failed anyway.
        return builder.ExecutionContext.IsRunMode ? service.WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000") : service;
    }
}
