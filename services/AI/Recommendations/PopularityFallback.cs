using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Recommendations;

/// <summary>
/// What serves before any model exists: the best-selling active products of the last 90 days, straight from the
/// tables, cached for a minute so the query runs once a minute, not once a request.
/// </summary>
public sealed class PopularityFallback(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private (DateTimeOffset At, IReadOnlyList<Guid> Items) _cache = (DateTimeOffset.MinValue, []);

    public async Task<IReadOnlyList<Guid>> TopAsync(int k, Guid? except, CancellationToken cancellationToken)
    {
        var cached = _cache;
        if (time.GetUtcNow() - cached.At > CacheFor)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            var since = time.GetUtcNow().AddDays(-90);
            var inactive = db.Products.Where(p => !p.Active).Select(p => p.Id);
            var items = await db.OrderLines
                .Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.PaidAt >= since) && !inactive.Contains(l.ProductId))
                .GroupBy(l => l.ProductId)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => g.Key).Take(100).ToListAsync(cancellationToken);
            _cache = cached = (time.GetUtcNow(), items);
        }

        return [.. cached.Items.Where(i => i != except).Take(k)];
    }
}
