using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Admin;

/// <summary>An order in the admin search, with its number (<see cref="OrderNumber"/>) and whose it is.</summary>
public sealed record AdminOrderSummary(Guid Id, long Number, string CustomerId, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);
