using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Cache reads on the <c>ECommerce.Cache</c> meter: <c>ecommerce.cache.requests</c> (tagged <c>cache.name</c> and
/// <c>ecommerce.cache.result</c> hit or miss; a miss is a read that ran the factory) and <c>ecommerce.cache.hit_ratio</c>
/// (hits over reads since start, per cache), so a developer sees at once whether the catalog is served from memory.
/// </summary>
public static class CacheMetrics
{
    private static readonly Meter Meter = new("ECommerce.Cache");
    private static readonly ConcurrentDictionary<string, Tally> Tallies = new();

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "ecommerce.cache.requests", "{request}", "Cache reads, by whether the value was cached (hit) or had to be made (miss).");

    static CacheMetrics() =>
        Meter.CreateObservableGauge("ecommerce.cache.hit_ratio",
            () => Tallies.Select(t => new Measurement<double>(t.Value.Ratio, new KeyValuePair<string, object?>("cache.name", t.Key))),
            "1", "Share of cache reads served from the cache since the service started.");

    public static void Record(string cache, bool hit)
    {
        Requests.Add(1, new KeyValuePair<string, object?>("cache.name", cache), new KeyValuePair<string, object?>("ecommerce.cache.result", hit ? "hit" : "miss"));
        Tallies.GetOrAdd(cache, _ => new Tally()).Add(hit);
    }

    private sealed class Tally
    {
        private long _hits;
        private long _reads;

        public double Ratio => Interlocked.Read(ref _reads) is var reads and > 0 ? (double)Interlocked.Read(ref _hits) / reads : 0;

        public void Add(bool hit)
        {
            Interlocked.Increment(ref _reads);
            if (hit)
            {
                Interlocked.Increment(ref _hits);
            }
        }
    }
}
