namespace ECommerce.Orders.Domain;

/// <summary>Where an order is in its life; see <see cref="OrderStateMachine"/> for the moves between them.</summary>
public enum OrderStatus
{
    Pending,
    StockReserved,

    /// <summary>The payment was declined or its 3-D Secure check failed: stock stays held while the shopper pays again.</summary>
    AwaitingPayment,
    /// <summary>
    /// The risk score reached the hold threshold: the payment is authorised, not captured, and the stock stays reserved
    /// until the back office approves (capture, then Paid) or rejects (Cancelled) within the review window.
    /// </summary>
    HeldForReview,
    Paid,

    /// <summary>Some of the order has shipped; the rest is still to ship.</summary>
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
}
