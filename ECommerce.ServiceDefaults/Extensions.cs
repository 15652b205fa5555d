using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>The one-line defaults every service calls: telemetry, health, overload shedding, discovery, resilience, errors, JSON, OpenAPI.</summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddOverloadShedding();

        // Stop well inside the orchestrator's grace period (Aspire's DCP kills after a few seconds, Container Apps
        // after 30 s): in-flight requests may finish, background loops are cancelled, and what they leave undone is
        // delivered again (outbox and inbox), so nothing is lost by not waiting longer. Host:ShutdownTimeout overrides.
        var shutdownTimeout = builder.Configuration.GetValue("Host:ShutdownTimeout", TimeSpan.FromSeconds(5));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddDefaultProblemDetails();
        builder.Services.AddDefaultJsonOptions();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<StringSchemaTransformer>());
        builder.AddDefaultAuthentication();

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "live" answers whether the process should be restarted; everything else decides readiness.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps /health (ready), /alive (live) and, in Development, the OpenAPI document with the Scalar UI.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Health endpoints carry no data beyond status; they are what Container Apps probes and the gateway aggregates.
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .AllowAnonymous().DisableHttpMetrics();

        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }

        return app;
    }
}
