using Microsoft.Extensions.Caching.Distributed;
using Polly;
using Polly.CircuitBreaker;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The distributed layer (L2) under HybridCache, behind a circuit breaker and a per-command timeout. While the breaker
/// is open nothing touches Redis: a read is a miss, so callers go straight to their database; a write or removal throws
/// at once (HybridCache logs and ignores a failed write; <see cref="CacheInvalidation"/> retries a failed eviction).
/// </summary>
public sealed class CircuitBreakingDistributedCache(IDistributedCache inner, ResiliencePipeline pipeline, TimeSpan operationTimeout) : IDistributedCache
{
    public byte[]? Get(string key)
    {
        try
        {
            return pipeline.Execute(static state => state.inner.Get(state.key), (inner, key));
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            return await pipeline.ExecuteAsync(
                async (state, ct) => await state.inner.GetAsync(state.key, ct).WaitAsync(state.operationTimeout, ct),
                (inner, key, operationTimeout), token);
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        pipeline.Execute(static state => state.inner.Set(state.key, state.value, state.options), (inner, key, value, options));

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        RunAsync(ct => inner.SetAsync(key, value, options, ct), token);

    public void Refresh(string key) => pipeline.Execute(static state => state.inner.Refresh(state.key), (inner, key));

    public Task RefreshAsync(string key, CancellationToken token = default) => RunAsync(ct => inner.RefreshAsync(key, ct), token);

    public void Remove(string key) => pipeline.Execute(static state => state.inner.Remove(state.key), (inner, key));

    public Task RemoveAsync(string key, CancellationToken token = default) => RunAsync(ct => inner.RemoveAsync(key, ct), token);

    // StackExchange.Redis checks its async timeout on a one-second heartbeat and ignores cancellation, so the wait is
    // bounded here: an abandoned command completes (or fails) later on its own.
    private Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken token) =>
        pipeline.ExecuteAsync(async ct => await operation(ct).WaitAsync(operationTimeout, ct), token).AsTask();
}
