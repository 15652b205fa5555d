namespace ECommerce.Products.Domain;

/// <summary>
/// A shipment or a received return whose stock change was made: one row per shipment or return id, so the change is
/// made once however often its event arrives.
/// </summary>
public sealed class StockMovement
{
    /// <summary>The shipment's or the return's id in Orders.</summary>
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    /// <summary><c>shipped</c> or <c>returned</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
