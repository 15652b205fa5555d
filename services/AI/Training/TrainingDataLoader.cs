using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Training;

/// <summary>Reads what the service has learned from events into <see cref="TrainingData"/>.</summary>
public sealed class TrainingDataLoader(AiDbContext db)
{
    public async Task<TrainingData> LoadAsync(CancellationToken cancellationToken)
    {
        var paidThenCancelled = (await db.Cancellations.AsNoTracking().Where(c => c.WasPaid).Select(c => c.OrderId).ToListAsync(cancellationToken)).ToHashSet();
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.PaidAt).ToListAsync(cancellationToken);
        var purchases = orders.Select(o => new Purchase(o.Id, o.CustomerId, o.PaidAt,
            [.. o.Lines.OrderBy(l => l.LineNumber).Select(l => new PurchaseLine(l.ProductId, l.Quantity, l.UnitPrice))],
            paidThenCancelled.Contains(o.Id))).ToList();
        var catalog = await db.Products.AsNoTracking()
            .ToDictionaryAsync(p => p.Id, p => new CatalogItem(p.Id, p.Name, p.Category, p.Price, p.Active), cancellationToken);
        var since = DateTimeOffset.UtcNow.AddDays(-90);
        var views = await db.Views.AsNoTracking().Where(v => v.ViewedAt >= since)
            .Select(v => new ViewRecord(v.VisitorId, v.ProductId, v.ViewedAt)).ToListAsync(cancellationToken);

        // Paid orders later cancelled after payment are the risk model's positives; address changes are not in any
        // event, so the learned model sees 0 for them and only the rules react to them (see docs/ai.md).
        var risk = RiskFeatureBuilder.Examples(purchases, p => p.Cancelled);
        return new TrainingData(purchases, catalog, views, risk);
    }
}
