using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Browse;

/// <summary>An order in the shopper's list.</summary>
public sealed record OrderSummary(Guid Id, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);
