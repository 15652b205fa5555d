using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Readiness of a Redis used as a cache: answers at once from the connection state when Redis is gone, and pings with a
/// short timeout otherwise. A cache is an optimisation, so its failure status is Degraded, never Unhealthy.
/// </summary>
public sealed class RedisCacheHealthCheck(IConnectionMultiplexer redis, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Not connected to Redis: reads go to the database.");
        }

        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(timeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis did not answer a ping in time.");
        }
    }
}
