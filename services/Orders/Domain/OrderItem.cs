namespace ECommerce.Orders.Domain;

/// <summary>A line of an order: what the product was and cost when the order was placed (a snapshot, never re-priced).</summary>
public sealed class OrderItem
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public Guid ProductId { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal LineTotal => UnitPrice * Quantity;
}
