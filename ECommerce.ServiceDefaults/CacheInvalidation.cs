using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Evicts HybridCache entries by tag after a change has committed, and never fails that change: the local (L1)
/// eviction always happens; when Redis cannot take the eviction it is logged and retried in the background by
/// <see cref="CacheInvalidationRetries"/>, and in the worst case the entries expire on their own.
/// </summary>
public sealed class CacheInvalidation(HybridCache cache, CacheInvalidationRetries retries, ILogger<CacheInvalidation> logger)
{
    /// <summary>Not cancellable on purpose: the change is already committed, so a caller going away must not keep it cached.</summary>
    public async Task RemoveByTagsAsync(params IReadOnlyList<string> tags)
    {
        // One call per tag, side by side: HybridCache evicts each tag locally before writing it to Redis, so a failure on
        // one tag must not stop the next one's local eviction, nor should three timeouts add up.
        var removed = await Task.WhenAll(tags.Select(TryRemoveAsync));
        var failed = tags.Where((_, i) => !removed[i]).ToArray();
        if (failed.Length > 0)
        {
            logger.LogWarning("Could not evict cache tags {Tags} from Redis after a committed change; retrying in the background.", failed);
            retries.Enqueue(failed);
        }
    }

    private async Task<bool> TryRemoveAsync(string tag)
    {
        try
        {
            await cache.RemoveByTagAsync(tag, CancellationToken.None);
            return true;
        }
#pragma warning disable CA1031 // Whatever Redis throws, the committed change stands; the retry and the expiry take over.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogDebug(e, "Evicting cache tag {Tag} failed.", tag);
            return false;
        }
    }
}
