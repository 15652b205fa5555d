namespace ECommerce.Orders.Domain;

/// <summary>Where an order is in its life; see <see cref="OrderStateMachine"/> for the moves between them.</summary>
public enum OrderStatus
{
    Pending,
    StockReserved,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}
