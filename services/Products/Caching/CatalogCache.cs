using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Caching;

/// <summary>
/// Catalog reads through HybridCache (in-process memory in front of Redis), tagged so that an admin change drops
/// exactly what it affects. Switched off by <c>Products:Caching:Enabled=false</c> (the benchmark's uncached run).
/// </summary>
public sealed class CatalogCache(HybridCache cache, CacheInvalidation invalidation, IOptions<CachingOptions> options)
{
    public const string ListsTag = "lists";
    public const string LookupsTag = "lookups";

    public static string ProductTag(Guid id) => $"product:{id:N}";

    public async ValueTask<T> GetOrCreateAsync<T>(string key, IEnumerable<string> tags, Func<CancellationToken, ValueTask<T>> factory, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return await factory(ct);
        }

        var entry = new HybridCacheEntryOptions { Expiration = o.Expiration, LocalCacheExpiration = o.LocalExpiration };
        var read = new CacheRead<T>(factory);
        var value = await cache.GetOrCreateAsync(key, read, static (r, token) => r.Make(token), entry, tags, ct);
        CacheMetrics.Record("catalog", hit: !read.Missed);
        return value;
    }

    /// <summary>The factory of one read, noting whether it had to run (a miss).</summary>
    private sealed class CacheRead<T>(Func<CancellationToken, ValueTask<T>> factory)
    {
        public bool Missed { get; private set; }

        public ValueTask<T> Make(CancellationToken token)
        {
            Missed = true;
            return factory(token);
        }
    }

    /// <summary>
    /// Call after the change has committed, so no reader can re-cache the old value after the eviction. Never fails:
    /// with Redis down the eviction is local at once, retried in Redis in the background, and bounded by the expiry.
    /// </summary>
    public Task InvalidateProductAsync(Guid id) =>
        options.Value.Enabled ? invalidation.RemoveByTagsAsync(ProductTag(id), ListsTag, LookupsTag) : Task.CompletedTask;

    /// <summary>Evicts every variant's page of a family (each lists its siblings) and the lists; call after the commit.</summary>
    public async Task InvalidateFamilyAsync(ProductsDbContext db, Guid familyId)
    {
        var ids = await db.Products.Where(p => p.FamilyId == familyId).Select(p => p.Id).ToListAsync();
        await InvalidateAsync([.. ids.Select(ProductTag), ListsTag, LookupsTag]);
    }

    public Task InvalidateAsync(params IReadOnlyList<string> tags) =>
        options.Value.Enabled ? invalidation.RemoveByTagsAsync(tags) : Task.CompletedTask;
}

/// <summary>Cache settings (section <c>Products:Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Products:Caching";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an entry lives in Redis. Catalog edits evict at once by tag; stock moved by orders is not evicted
    /// (it changes on every sale), so availability on cached reads may lag by up to this. Lookup is never cached.
    /// It also bounds staleness when an eviction could not reach Redis (an outage): keep it a minute or two at most.
    /// </summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an entry lives in each instance's memory; other instances' copies are never evicted, only expire.</summary>
    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>max-age sent to anonymous callers (and the gateway) on list and detail reads.</summary>
    public int PublicMaxAgeSeconds { get; set; } = 30;
}
