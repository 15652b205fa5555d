using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Admin;

/// <summary>An order in the admin search, with whose it is.</summary>
public sealed record AdminOrderSummary(Guid Id, string CustomerId, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);

/// <summary>Mark an order shipped with the carrier's tracking number.</summary>
public sealed record ShipOrderRequest(string? TrackingNumber);
