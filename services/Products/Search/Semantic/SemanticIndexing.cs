using System.Diagnostics;
using ECommerce.Products.Caching;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// Keeps semantic search fed, in the background so start-up never waits for the model: on every replica, the index
/// loads all stored embeddings and then reads those written since (every <see cref="SemanticSearchOptions.RefreshInterval"/>);
/// on one replica at a time (a <see cref="DatabaseLock"/>), the backfill embeds active products that have no embedding yet — the
/// seeded catalog on a first start, rows written by anything that raised no event — in batches.
/// </summary>
public sealed class SemanticIndexing(
    IServiceScopeFactory scopes, SemanticIndex index, IOptions<SemanticSearchOptions> options, TimeProvider clock, ILogger<SemanticIndexing> logger)
    : BackgroundService
{
    /// <summary>Where the next refresh starts reading (null: everything, the first time).</summary>
    private DateTimeOffset? _readFrom;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        await Task.WhenAll(RefreshLoopAsync(stoppingToken), BackfillLoopAsync(stoppingToken));
    }

    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Semantic index refresh failed; searches use the vectors already loaded");
            }

            await Task.Delay(options.Value.RefreshInterval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads the embeddings written since shortly before the last read (all of them the first time); returns how many rows it read.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        // A row this read misses committed after the read started, so it was stamped less than the overlap before that.
        // The window is anchored to the read, not to the newest row's stamp: a catalog embedded in one batch shares one
        // stamp, and a window behind it would read the whole catalog again at every refresh, forever.
        var started = clock.GetUtcNow();
        var since = _readFrom;
        var watch = Stopwatch.StartNew();
        var rows = db.Embeddings.AsNoTracking()
            .Where(e => e.Model == TextEmbedder.ModelName && (since == null || e.UpdatedAt > since))
            .Select(e => new { e.ProductId, e.Vector, e.UpdatedAt })
            .AsAsyncEnumerable();
        var applied = 0;
        var read = 0;
        var chunk = new List<(Guid, float[], DateTimeOffset)>(4096);
        await foreach (var row in rows.WithCancellation(ct))
        {
            read++;
            chunk.Add((row.ProductId, row.Vector, row.UpdatedAt));
            if (chunk.Count == chunk.Capacity)
            {
                applied += index.Upsert(chunk);
                chunk.Clear();
            }
        }

        applied += index.Upsert(chunk);
        if (!index.IsReady)
        {
            index.MarkReady();
            logger.LogInformation("Semantic index loaded {Count} embeddings in {Elapsed} ms", applied, watch.ElapsedMilliseconds);
        }
        else if (applied > 0)
        {
            // Cached search pages were ranked without these vectors.
            await scope.ServiceProvider.GetRequiredService<CatalogCache>().InvalidateAsync(CatalogCache.ListsTag);
        }

        _readFrom = started - options.Value.RefreshOverlap;
        return read;
    }

    private async Task BackfillLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await BackfillAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Embedding backfill failed; it is tried again in {Interval}", options.Value.BackfillInterval);
            }

            await Task.Delay(options.Value.BackfillInterval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Embeds every active product without a current embedding; returns how many (0 when another replica holds the lock).</summary>
    public async Task<int> BackfillAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<EmbeddingWriter>();
        await using var backfillLock = await DatabaseLock.TryAcquireAsync(db, "products:semantic-backfill", ct);
        if (backfillLock is null)
        {
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var total = 0;
        while (true)
        {
            var missing = await db.Products.AsNoTracking()
                .Where(p => p.Active && !db.Embeddings.Any(e => e.ProductId == p.Id && e.Model == TextEmbedder.ModelName))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(options.Value.BatchSize).ToListAsync(ct);
            var written = missing.Count == 0 ? 0 : await writer.WriteAsync(missing, ct);
            db.ChangeTracker.Clear();
            total += written;
            if (written == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            logger.LogInformation("Embedded {Count} products in {Elapsed} ms ({Rate:F0}/s)", total, watch.ElapsedMilliseconds, total / watch.Elapsed.TotalSeconds);
        }

        return total;
    }
}
