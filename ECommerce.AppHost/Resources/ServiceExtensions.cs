using Microsoft.Extensions.Configuration;

namespace ECommerce.AppHost.Resources;

/// <summary>How every .NET service joins the application.</summary>
public static class ServiceExtensions
{
    /// <summary>The one service shoppers and developers call: its port stays the launch profile's, behind DCP's proxy.</summary>
    public const string GatewayName = "gateway";

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
        // Local scale-out: N processes behind Aspire's proxy on the service's one endpoint, so the gateway, health checks
        // and service discovery see one address. Run mode only: a deployment's replicas are the Container Apps' min/max
        // in infra/ (the scale rules decide), not this count.
        var replicas = ServiceReplicas.For(builder.Configuration, name);
        if (builder.ExecutionContext.IsRunMode && replicas > 1)
        {
            service.WithReplicas(replicas);
        }

        // One process has nothing to balance: it listens on a port of its own instead of behind DCP's proxy, which
        // copied every request between the gateway and a service, and between services, twice more on the same cores
        // (docs/benchmarks.md "Services off the proxy"). DCP allocates that port when it starts the process (a port
        // picked here and let go would be free for anyone until then). The gateway keeps its proxied port 5080.
        if (builder.ExecutionContext.IsRunMode && replicas == 1 && name != GatewayName)
        {
            service.WithEndpoint("http", e =>
            {
                e.IsProxied = false;
                e.Port = null;
                e.TargetPort = null;
            });
        }

        // A service's last act is flushing its telemetry to the dashboard. On Ctrl+C the dashboard goes first, and
        // the OTLP exporter's default 10 s timeout per attempt kept every service alive ~10 s after the signal
        // (measured with eng/measure-shutdown.sh: 17 s to stop the system, 9.4 s with this). The dashboard is on
        // this machine: an export that takes a second has failed anyway.
        return builder.ExecutionContext.IsRunMode ? service.WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000") : service;
    }
}

/// <summary>
/// How many processes of a service the AppHost runs: <c>Replicas:&lt;service&gt;</c>, else <c>Replicas</c> (every
/// service), else 1. From any configuration source: <c>--Replicas 2</c>, <c>Replicas__orders=3</c>, appsettings.
/// </summary>
public static class ServiceReplicas
{
    public const string Key = "Replicas";

    public static int For(IConfiguration configuration, string service)
    {
        var own = configuration[$"{Key}:{service}"];
        var value = string.IsNullOrWhiteSpace(own) ? configuration[Key] : own;
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 16
            ? count
            : throw new InvalidOperationException(
                $"{(string.IsNullOrWhiteSpace(own) ? Key : $"{Key}:{service}")} must be a whole number from 1 to 16 (got '{value}').");
    }
}
