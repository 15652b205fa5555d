using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Caching;

/// <summary>
/// Catalog reads through HybridCache (in-process memory in front of Redis), tagged so that an admin change drops
/// exactly what it affects. Switched off by <c>Products:Caching:Enabled=false</c> (the benchmark's uncached run).
/// </summary>
public sealed class CatalogCache(HybridCache cache, IOptions<CachingOptions> options)
{
    public const string ListsTag = "lists";
    public const string LookupsTag = "lookups";

    public static string ProductTag(Guid id) => $"product:{id:N}";

    public ValueTask<T> GetOrCreateAsync<T>(string key, IEnumerable<string> tags, Func<CancellationToken, ValueTask<T>> factory, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return factory(ct);
        }

        var entry = new HybridCacheEntryOptions { Expiration = o.Expiration, LocalCacheExpiration = o.LocalExpiration };
        return cache.GetOrCreateAsync(key, factory, static (f, token) => f(token), entry, tags, ct);
    }

    /// <summary>Call after the change has committed, so no reader can re-cache the old value after the eviction.</summary>
    public async Task InvalidateProductAsync(Guid id, CancellationToken ct)
    {
        if (options.Value.Enabled)
        {
            await cache.RemoveByTagAsync([ProductTag(id), ListsTag, LookupsTag], ct);
        }
    }

    public async Task InvalidateAsync(string tag, CancellationToken ct)
    {
        if (options.Value.Enabled)
        {
            await cache.RemoveByTagAsync(tag, ct);
        }
    }
}

/// <summary>Cache settings (section <c>Products:Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Products:Caching";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an entry lives in Redis. Catalog edits evict at once by tag; stock moved by orders is not evicted
    /// (it changes on every sale), so availability on cached reads may lag by up to this. Lookup is never cached.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>max-age sent to anonymous callers (and the gateway) on list and detail reads.</summary>
    public int PublicMaxAgeSeconds { get; set; } = 30;
}
