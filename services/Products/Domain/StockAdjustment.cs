namespace ECommerce.Products.Domain;

/// <summary>An audit row: who changed a product's stock by how much, why, and what it was afterwards.</summary>
public sealed class StockAdjustment
{
    public long Id { get; set; }

    public Guid ProductId { get; set; }

    public int Delta { get; set; }

    public required string Reason { get; set; }

    public required string Actor { get; set; }

    public int AvailableAfter { get; set; }

    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
}
