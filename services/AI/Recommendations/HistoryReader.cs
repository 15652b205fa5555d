using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Recommendations;

/// <summary>Reads a customer's recent purchases and a visitor's recent views: the fresh input of "for you".</summary>
public sealed class HistoryReader(AiDbContext db)
{
    private const int MaxLines = 100;

    public async Task<List<HistoryItem>> PurchasesAsync(string customerId, CancellationToken cancellationToken) =>
        await db.OrderLines
            .Join(db.Orders.Where(o => o.CustomerId == customerId), l => l.OrderId, o => o.Id, (l, o) => new { l.ProductId, o.PaidAt })
            .OrderByDescending(x => x.PaidAt).Take(MaxLines)
            .Select(x => new HistoryItem(x.ProductId, x.PaidAt))
            .ToListAsync(cancellationToken);

    public async Task<List<HistoryItem>> ViewsAsync(string visitorId, CancellationToken cancellationToken) =>
        await db.Views.Where(v => v.VisitorId == visitorId)
            .OrderByDescending(v => v.ViewedAt).Take(MaxLines)
            .Select(v => new HistoryItem(v.ProductId, v.ViewedAt))
            .ToListAsync(cancellationToken);
}
