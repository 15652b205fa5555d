using ECommerce.Orders.Model;

namespace ECommerce.Orders.Apis;

/// <summary>An order in a list.</summary>
public sealed record OrderSummary(Guid Id, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);

/// <summary>An order in the admin search, with whose it is.</summary>
public sealed record AdminOrderSummary(Guid Id, string CustomerId, OrderStatus Status, DateTimeOffset CreatedAt, int ItemCount, decimal Total, string Currency);

/// <summary>A page of a keyset-paged list; pass <see cref="Next"/> as <c>after</c> for the following page (null: no more).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public sealed record OrderLineView(Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record ShippingAddressView(string Recipient, string Line1, string? Line2, string City, string Postcode, string? Region, string Country, string? Phone);

public sealed record OrderHistoryEntry(OrderStatus? From, OrderStatus To, string Trigger, string Actor, string? Reason, DateTimeOffset At);

/// <summary>One order with its lines, address, amounts and the history of every status change.</summary>
public sealed record OrderDetail(
    Guid Id,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    string Currency,
    decimal Subtotal,
    decimal Shipping,
    decimal Tax,
    decimal Total,
    string PaymentMethod,
    string? TrackingNumber,
    string? CancellationReason,
    bool WasPaid,
    DateTimeOffset? RefundedAt,
    IReadOnlyList<OrderLineView> Lines,
    ShippingAddressView ShippingAddress,
    IReadOnlyList<OrderHistoryEntry> History)
{
    public static OrderDetail From(Order order) => new(
        order.Id, order.Status, order.CreatedAt, order.Currency, order.Subtotal, order.Shipping, order.Tax, order.Total,
        order.PaymentMethod, order.TrackingNumber, order.CancellationReason, order.WasPaid, order.RefundedAt,
        [.. order.Items.OrderBy(i => i.Id).Select(i => new OrderLineView(i.ProductId, i.Sku, i.Name, i.Quantity, i.UnitPrice, i.LineTotal))],
        new ShippingAddressView(order.ShippingAddress.Recipient, order.ShippingAddress.Line1, order.ShippingAddress.Line2, order.ShippingAddress.City,
            order.ShippingAddress.Postcode, order.ShippingAddress.Region, order.ShippingAddress.Country, order.ShippingAddress.Phone),
        [.. order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OrderHistoryEntry(h.From, h.To, h.Trigger, h.Actor, h.Reason, h.At))]);
}

/// <summary>Cancel an order before it ships; the reason is optional.</summary>
public sealed record CancelOrderRequest(string? Reason);

/// <summary>Mark an order shipped with the carrier's tracking number.</summary>
public sealed record ShipOrderRequest(string? TrackingNumber);
