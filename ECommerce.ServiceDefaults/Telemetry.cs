using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>OpenTelemetry traces, metrics and logs exported over OTLP (the Aspire dashboard in development).</summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters named "ECommerce.*" (messaging, domain counters) are always collected.</summary>
    public const string SourcePrefix = "ECommerce.";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", SourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .SetSampler(new BackgroundNoiseSampler())
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("Npgsql", "StackExchange.Redis", "Azure.Messaging.ServiceBus.*", SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o =>
                    // Probes every few seconds would drown the traces that matter.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath)
                        && !ctx.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        // Deployed: the Container Apps set Application Insights' connection string (infra/modules/monitoring.bicep), and the
        // same traces, metrics (the store's "ecommerce.*" meters among them) and logs go to Azure Monitor.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            builder.Services.AddOpenTelemetry().UseAzureMonitor();
        }

        return builder;
    }
}
