using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Browse;

/// <summary>An order in the shopper's list, with the number they quote (<see cref="OrderNumber"/>).</summary>
public sealed record OrderSummary(Guid Id, long Number, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);
