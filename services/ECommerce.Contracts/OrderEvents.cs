using ECommerce.Messaging;

namespace ECommerce.Contracts;

/// <summary>One line of an order as other services need it.</summary>
public sealed record OrderLine(Guid ProductId, string Sku, int Quantity, decimal UnitPrice);

/// <summary>
/// A customer placed an order: Products reserves its stock, Payments records what to charge once stock is reserved.
/// <see cref="PaymentMethod"/> is a provider token chosen in the storefront (<c>pm_card_visa</c>, a Stripe <c>pm_…</c>), never card data.
/// <see cref="TotalMinor"/> is <see cref="Total"/> in the currency's minor units (<see cref="Money"/>); events written
/// before it existed carry null. <see cref="HoldForReview"/>: the order's risk score reached Orders' hold threshold, so
/// Payments authorises without capturing and Products keeps the stock for the review window (false on older events).
/// </summary>
[EventName("OrderPlaced")]
public sealed record OrderPlaced(
    Guid OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, string Currency, decimal Total, string PaymentMethod, long? TotalMinor = null,
    bool HoldForReview = false) : IntegrationEvent;

/// <summary>
/// The back office approved an order held for risk review: Payments captures the authorised payment (once, however often
/// this arrives), and its PaymentSucceeded makes the order Paid.
/// </summary>
[EventName("OrderReviewApproved")]
public sealed record OrderReviewApproved(Guid OrderId, string CustomerId, string ApprovedBy) : IntegrationEvent;

/// <summary>An order was paid; Products commits its reservation, AI learns from it.</summary>
[EventName("OrderPaid")]
public sealed record OrderPaid(Guid OrderId, string CustomerId, IReadOnlyList<OrderLine> Lines, string Currency, decimal Total) : IntegrationEvent;

/// <summary>An order was cancelled; stock is released and, if it was paid, refunded.</summary>
[EventName("OrderCancelled")]
public sealed record OrderCancelled(Guid OrderId, string CustomerId, string Reason, bool WasPaid) : IntegrationEvent;

/// <summary>
/// The shopper chose another payment method for an order whose payment failed; its stock is still held. Payments
/// charges the order again as attempt <c>Attempt</c> (2 for the first retry), once however often this arrives.
/// </summary>
[EventName("OrderPaymentRetried")]
public sealed record OrderPaymentRetried(Guid OrderId, string CustomerId, string PaymentMethod, int Attempt) : IntegrationEvent;

/// <summary>
/// A shipment of the order left the warehouse: Products moves its lines from reserved to sold, Notifications mails the
/// tracking link. An order may ship in parts; <see cref="OrderComplete"/> is true when nothing of it is left to ship.
/// Events written before shipments existed carry only the tracking number (the whole order shipped at once).
/// </summary>
[EventName("OrderShipped")]
public sealed record OrderShipped(
    Guid OrderId,
    string CustomerId,
    string TrackingNumber,
    string? Carrier = null,
    string? TrackingUrl = null,
    Guid? ShipmentId = null,
    IReadOnlyList<OrderLine>? Lines = null,
    bool OrderComplete = true) : IntegrationEvent;

/// <summary>Every shipment of the order reached the shopper; the return window starts now.</summary>
[EventName("OrderDelivered")]
public sealed record OrderDelivered(Guid OrderId, string CustomerId, DateTimeOffset DeliveredAt) : IntegrationEvent;
