using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Inventory;

/// <summary>A stock level as admins see it.</summary>
public sealed record StockLevel(Guid ProductId, string Sku, string Name, int Available, int Reserved, int Sold, int ReorderLevel);

/// <summary>Body of a stock adjustment: a signed change (a delivery +50, breakage −2) and why.</summary>
public sealed record AdjustStockRequest(int? Delta, string? Reason);

/// <summary>An audit row as admins see it.</summary>
public sealed record StockAdjustmentItem(long Id, int Delta, string Reason, string Actor, int AvailableAfter, DateTimeOffset At);

/// <summary>Admin stock operations: adjustments with an audit trail, the low-stock list.</summary>
public sealed class StockAdmin(ProductsDbContext db)
{
    /// <summary>Applies the change unless it would take available stock below zero; null when there is no such product.</summary>
    public async Task<(bool Found, StockAdjustmentItem? Adjustment)> AdjustAsync(Guid productId, int delta, string reason, string actor, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Conditional, like a reservation: an adjustment racing an order can never push stock negative.
            var after = await db.Database.SqlQuery<int>($"""
                UPDATE stock SET "Available" = "Available" + {delta}
                WHERE "ProductId" = {productId} AND "Available" + {delta} >= 0
                RETURNING "Available" AS "Value"
                """).ToListAsync(token);
            if (after.Count == 0)
            {
                var exists = await db.Stock.AnyAsync(s => s.ProductId == productId, token);
                return (exists, null);
            }

            var row = new StockAdjustment { ProductId = productId, Delta = delta, Reason = reason, Actor = actor, AvailableAfter = after[0] };
            db.StockAdjustments.Add(row);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return (true, (StockAdjustmentItem?)ToItem(row));
        }, ct);
    }

    public Task<StockLevel?> LevelAsync(Guid productId, CancellationToken ct) =>
        Project(db.Stock.AsNoTracking().Where(s => s.ProductId == productId)).FirstOrDefaultAsync(ct);

    /// <summary>Active products at or below their reorder level (or <paramref name="threshold"/> when given), emptiest first.</summary>
    public async Task<List<StockLevel>> LowStockAsync(int? threshold, int limit, CancellationToken ct)
    {
        var levels = await Project(db.Stock.AsNoTracking()
                .Where(s => s.Available <= (threshold ?? s.ReorderLevel))
                .Where(s => db.Products.Any(p => p.Id == s.ProductId && p.Active))
                .OrderBy(s => s.Available).ThenBy(s => s.ProductId).Take(limit))
            .ToListAsync(ct);
        return [.. levels.OrderBy(l => l.Available).ThenBy(l => l.Sku, StringComparer.Ordinal)];
    }

    public Task<List<StockAdjustmentItem>> HistoryAsync(Guid productId, int limit, CancellationToken ct) =>
        db.StockAdjustments.AsNoTracking().Where(a => a.ProductId == productId).OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new StockAdjustmentItem(a.Id, a.Delta, a.Reason, a.Actor, a.AvailableAfter, a.At)).ToListAsync(ct);

    private IQueryable<StockLevel> Project(IQueryable<StockItem> stock) =>
        stock.Join(db.Products, s => s.ProductId, p => p.Id,
            (s, p) => new StockLevel(p.Id, p.Sku, p.Name, s.Available, s.Reserved, s.Sold, s.ReorderLevel));

    private static StockAdjustmentItem ToItem(StockAdjustment a) => new(a.Id, a.Delta, a.Reason, a.Actor, a.AvailableAfter, a.At);
}
