namespace ECommerce.AI.Domain;

/// <summary>A paid order (from OrderPaid): the purchase history the recommenders and the risk model learn from.</summary>
public sealed class PaidOrder
{
    public Guid Id { get; set; }

    public string CustomerId { get; set; } = "";

    public DateTimeOffset PaidAt { get; set; }

    public decimal Total { get; set; }

    public string Currency { get; set; } = "";

    public List<PaidOrderLine> Lines { get; set; } = [];
}

/// <summary>One line of a paid order.</summary>
public sealed class PaidOrderLine
{
    public Guid OrderId { get; set; }

    public int LineNumber { get; set; }

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}
