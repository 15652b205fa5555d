namespace ECommerce.Orders.Domain;

/// <summary>One row of an order's history: what moved it, who or what did it, when and why.</summary>
public sealed class OrderStatusChange
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    /// <summary>Null for the order's creation.</summary>
    public OrderStatus? From { get; set; }

    public OrderStatus To { get; set; }

    /// <summary>The trigger's name (<c>PaymentSucceeded</c>, <c>Ship</c>, …) or <c>Placed</c>, <c>Refunded</c>, <c>Compensated</c>.</summary>
    public string Trigger { get; set; } = "";

    /// <summary><c>customer</c>, <c>admin:&lt;id&gt;</c>, <c>products</c>, <c>payments</c> or <c>system</c> — never a customer's identity.</summary>
    public string Actor { get; set; } = "";

    public string? Reason { get; set; }

    public DateTimeOffset At { get; set; }
}
