using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// The catalog's vocabulary for "did you mean": the materialised view <c>search_words</c> (each word of an active
/// product's name, category and brand, with its stem and how many products carry it). Refreshed when a correction is
/// needed and this instance last refreshed it more than <see cref="MaxAge"/> ago, one refresh at a time, so a catalog
/// edit reaches the suggestions within the same minute it takes to reach cached lists, and writes never pay for it.
/// </summary>
public sealed class SearchVocabulary(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task EnsureFreshAsync(ProductsDbContext db, CancellationToken ct)
    {
        if (clock.GetUtcNow() - _refreshedAt < MaxAge)
        {
            return;
        }

        await _refreshing.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _refreshedAt < MaxAge)
            {
                return;
            }

            // CONCURRENTLY: searches keep reading the old words while the new set is built (the view has a unique index).
            await db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW CONCURRENTLY search_words", ct);
            _refreshedAt = clock.GetUtcNow();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();
}
