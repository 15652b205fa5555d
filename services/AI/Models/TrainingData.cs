namespace ECommerce.AI.Models;

/// <summary>One line of a purchase as the learners see it.</summary>
public sealed record PurchaseLine(Guid ProductId, int Quantity, decimal UnitPrice);

/// <summary>A paid order: who bought what and when. <see cref="Cancelled"/> marks a paid order that was later cancelled.</summary>
public sealed record Purchase(Guid OrderId, string CustomerId, DateTimeOffset At, IReadOnlyList<PurchaseLine> Lines, bool Cancelled = false)
{
    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

/// <summary>What the learners know about a product.</summary>
public sealed record CatalogItem(Guid Id, string Name, string Category, decimal Price, bool Active = true);

/// <summary>A product view from the storefront (customer id or anonymous visitor id).</summary>
public sealed record ViewRecord(string VisitorId, Guid ProductId, DateTimeOffset At);

/// <summary>Everything a training run learns from, independent of where it came from (the database, a CSV, a generator).</summary>
public sealed record TrainingData(
    IReadOnlyList<Purchase> Purchases,
    IReadOnlyDictionary<Guid, CatalogItem> Catalog,
    IReadOnlyList<ViewRecord> Views,
    IReadOnlyList<RiskExample> RiskExamples)
{
    public TrainingData Before(DateTimeOffset cutoff) => this with
    {
        Purchases = [.. Purchases.Where(p => p.At < cutoff)],
        Views = [.. Views.Where(v => v.At < cutoff)],
        RiskExamples = [.. RiskExamples.Where(r => r.At < cutoff)],
    };
}
