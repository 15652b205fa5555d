using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>A service's cache in one line: HybridCache, with Redis underneath when configured, never needed for correctness.</summary>
public static class ServiceCacheExtensions
{
    /// <summary>
    /// Registers HybridCache and <see cref="CacheInvalidation"/>; when the connection string <paramref name="connectionName"/>
    /// is set, Redis becomes HybridCache's distributed layer through Aspire's client with fast-failing options
    /// (<see cref="ConfigureForCache"/>), a circuit breaker (<see cref="CircuitBreakingDistributedCache"/>) and a
    /// health check that says Degraded, never Unhealthy, within a few hundred milliseconds.
    /// </summary>
    public static IHostApplicationBuilder AddServiceCache(
        this IHostApplicationBuilder builder, string connectionName, string instanceName, Action<HybridCacheOptions>? configure = null)
    {
        builder.Services.AddOptions<ServiceCacheOptions>().BindConfiguration(ServiceCacheOptions.SectionName);
        var settings = builder.Configuration.GetSection(ServiceCacheOptions.SectionName).Get<ServiceCacheOptions>() ?? new();
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 })
        {
            builder.AddRedisClient(connectionName, s => s.DisableHealthChecks = true, o => ConfigureForCache(o, settings));
            var breakerKey = "cache-" + connectionName;
            builder.Services.AddResiliencePipeline(breakerKey, (pipeline, context) =>
            {
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<CircuitBreakingDistributedCache>();
                pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 2,
                    SamplingDuration = settings.SamplingDuration,
                    BreakDuration = settings.BreakDuration,
                    OnOpened = args =>
                    {
                        logger.LogWarning("Redis cache {Cache} is failing: bypassed for {BreakDuration}, reads go to the database.", connectionName, args.BreakDuration);
                        return default;
                    },
                    OnClosed = _ =>
                    {
                        logger.LogInformation("Redis cache {Cache} answers again: in use.", connectionName);
                        return default;
                    },
                });
            });
            builder.Services.AddSingleton<IDistributedCache>(sp => new CircuitBreakingDistributedCache(
                new RedisCache(Options.Options.Create(new RedisCacheOptions
                {
                    InstanceName = settings.KeyPrefix + instanceName,
                    ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
                })),
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(breakerKey),
                settings.OperationTimeout));
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                connectionName,
                sp => new RedisCacheHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>(), settings.HealthCheckTimeout),
                HealthStatus.Degraded,
                ["ready"],
                settings.HealthCheckTimeout * 2));
        }

        builder.Services.AddHybridCache(o => configure?.Invoke(o));
        builder.Services.AddSingleton<CacheInvalidationRetries>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CacheInvalidationRetries>());
        builder.Services.AddSingleton<CacheInvalidation>();
        return builder;
    }

    /// <summary>StackExchange.Redis settings for a Redis that is only a cache: start and run without it, fail fast while it is gone.</summary>
    public static void ConfigureForCache(ConfigurationOptions options, ServiceCacheOptions settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)settings.ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
        // While disconnected a command fails at once instead of waiting in the backlog until its timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        // Reconnect attempts every half second at first, at most five seconds apart: back soon after Redis is.
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
    }
}
