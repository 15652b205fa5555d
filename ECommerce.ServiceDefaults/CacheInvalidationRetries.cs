using System.Threading.Channels;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Retries, in the background, evictions that Redis could not take when their change committed: exponential delays
/// from one second up to half a minute, <see cref="ServiceCacheOptions.InvalidationRetries"/> times, then gives up
/// (by then every Redis entry written before the change has expired).
/// </summary>
public sealed class CacheInvalidationRetries(HybridCache cache, IOptions<ServiceCacheOptions> options, ILogger<CacheInvalidationRetries> logger)
    : BackgroundService
{
    private readonly Channel<string[]> _failed = Channel.CreateUnbounded<string[]>();

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
    {
        MaxRetryAttempts = options.Value.InvalidationRetries,
        Delay = TimeSpan.FromSeconds(1),
        BackoffType = DelayBackoffType.Exponential,
        MaxDelay = TimeSpan.FromSeconds(30),
        UseJitter = true,
    }).Build();

    internal void Enqueue(string[] tags) => _failed.Writer.TryWrite(tags);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var tags in _failed.Reader.ReadAllAsync(stoppingToken))
        {
            // Each failed eviction keeps its own schedule: one long outage must not hold up a later, shorter one.
            _ = RetryAsync(tags, stoppingToken);
        }
    }

    private async Task RetryAsync(string[] tags, CancellationToken stoppingToken)
    {
        var pending = new List<string>(tags);
        try
        {
            await _retry.ExecuteAsync(async ct =>
            {
                while (pending.Count > 0)
                {
                    await cache.RemoveByTagAsync(pending[0], ct);
                    pending.RemoveAt(0);
                }
            }, stoppingToken);
            logger.LogInformation("Evicted cache tags {Tags} from Redis on retry.", tags);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A background retry has nobody to throw to; it logs and the entries expire on their own.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Gave up evicting cache tags {Tags} from Redis; their entries expire on their own.", pending);
        }
    }
}
