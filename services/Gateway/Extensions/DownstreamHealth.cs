using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.Gateway.Extensions;

/// <summary>
/// The gateway's /health reports each downstream service (every cluster in the route table) by calling its /health.
/// A failing service makes the gateway Degraded, not Unhealthy: the edge stays in rotation and serves what still works.
/// </summary>
internal static class DownstreamHealth
{
    public const string HttpClientName = "downstream-health";

    public static IServiceCollection AddDownstreamHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(HttpClientName);
        var checks = services.AddHealthChecks();
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var address = cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault(a => a is not null);
            if (address is null)
            {
                continue;
            }

            var healthUri = new Uri(new Uri(address), ServiceDefaultsExtensions.HealthEndpointPath);
            checks.Add(new HealthCheckRegistration(
                cluster.Key,
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), healthUri),
                HealthStatus.Degraded,
                ["downstream"],
                TimeSpan.FromSeconds(5)));
        }

        return services;
    }

    private sealed class DownstreamHealthCheck(IHttpClientFactory clients, Uri healthUri) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var response = await clients.CreateClient(HttpClientName).GetAsync(healthUri, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : new HealthCheckResult(context.Registration.FailureStatus, $"{healthUri} answered {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, $"{healthUri} is unreachable", e);
            }
        }
    }
}
