using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// A line of the order; <c>Shipped</c>, <c>Delivered</c> and <c>Returnable</c> count its units sent, arrived and still
/// returnable (delivered, not in a return that stands).
/// </summary>
public sealed record OrderLineView(
    Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal, decimal Discount, decimal Tax, decimal TaxRate,
    int Shipped, int Delivered, int Returnable, string? VariantLabel);

/// <summary>How the order is delivered and when it should arrive (dates are null on orders placed before shipping choice).</summary>
public sealed record OrderShippingView(string Code, string Name, DateOnly? EarliestDelivery, DateOnly? LatestDelivery);

public sealed record OrderHistoryEntry(OrderStatus? From, OrderStatus To, string Trigger, string Actor, string? Reason, DateTimeOffset At);

/// <summary>
/// One order with its lines, address, amounts and the history of every status change: what checkout, the shopper and
/// the back office all answer with. <c>Number</c> is what the customer quotes (<see cref="OrderNumber"/>); the id is
/// what every link and command uses.
/// </summary>
public sealed record OrderDetail(
    Guid Id,
    long Number,
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
    PostalAddress ShippingAddress,
    IReadOnlyList<OrderHistoryEntry> History,
    bool PricesIncludeTax,
    decimal Discount,
    string? DiscountCode,
    OrderShippingView ShippingMethod,
    IReadOnlyList<OrderTaxLine> Taxes,
    int PaymentAttempts,
    DateTimeOffset? StockHeldUntil,
    IReadOnlyList<ShipmentView> Shipments,
    IReadOnlyList<ReturnView> Returns,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReturnsOpenUntil)
{
    public static OrderDetail From(Order order) => new(
        order.Id, order.Number, order.Status, order.CreatedAt, order.Currency, order.Subtotal, order.Shipping, order.Tax, order.Total,
        order.PaymentMethod, order.TrackingNumber, order.CancellationReason, order.WasPaid, order.RefundedAt,
        [.. order.Items.OrderBy(i => i.Id).Select(i => new OrderLineView(i.ProductId, i.Sku, i.Name, i.Quantity, i.UnitPrice, i.LineTotal, i.Discount, i.Tax, i.TaxRate,
            order.ShippedQuantity(i.ProductId), order.DeliveredQuantity(i.ProductId), order.ReturnableQuantity(i.ProductId), i.VariantLabel))],
        order.ShippingAddress.ToPostalAddress(),
        [.. order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OrderHistoryEntry(h.From, h.To, h.Trigger, h.Actor, h.Reason, h.At))],
        order.PricesIncludeTax, order.Discount, order.DiscountCode,
        new OrderShippingView(order.ShippingMethodCode, order.ShippingMethodName, order.DeliveryEarliest, order.DeliveryLatest),
        order.Taxes, order.PaymentAttempts, order.StockHeldUntil,
        [.. order.Shipments.OrderBy(s => s.ShippedAt).Select(ShipmentView.From)],
        [.. order.Returns.OrderBy(r => r.RequestedAt).Select(r => ReturnView.From(r, order.Currency))],
        order.DeliveredAt, order.ReturnsOpenUntil);
}

/// <summary>Pay an order awaiting payment again, with another payment method token (<c>pm_card_visa</c>).</summary>
public sealed record RetryPaymentRequest(string? PaymentMethod);

/// <summary>Cancel an order before it ships, with a reason (optional for the shopper, required for the back office).</summary>
public sealed record CancelOrderRequest(string? Reason);
