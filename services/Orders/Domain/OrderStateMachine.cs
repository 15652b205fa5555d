namespace ECommerce.Orders.Domain;

/// <summary>
/// The order's state machine as one table. Happy path: Pending → StockReserved → Paid → (PartiallyShipped →) Shipped → Delivered.
/// A declined payment waits in AwaitingPayment, stock held, until the shopper pays again (back to StockReserved) or the
/// hold expires. An order whose risk score reached the hold threshold waits in HeldForReview, authorised and not captured,
/// until the back office approves (the capture makes it Paid) or rejects it, or the review window ends. Other failures and the customer's cancel end in Cancelled; a late reservation or payment on a cancelled order is
/// compensated rather than resurrecting it. Anything not in the table is a repeat or stale event (ignored) or a
/// command the status does not allow (refused).
/// </summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<(OrderStatus From, OrderTrigger Trigger), OrderStatus> Moves = new()
    {
        [(OrderStatus.Pending, OrderTrigger.StockReserved)] = OrderStatus.StockReserved,
        [(OrderStatus.Pending, OrderTrigger.StockRejected)] = OrderStatus.Cancelled,
        // Payments charges only after the reservation, but the two events travel on different topics: a payment may be
        // handled here before the reservation that caused it.
        [(OrderStatus.Pending, OrderTrigger.PaymentSucceeded)] = OrderStatus.Paid,
        [(OrderStatus.Pending, OrderTrigger.PaymentFailed)] = OrderStatus.Cancelled,
        [(OrderStatus.Pending, OrderTrigger.PaymentDeclined)] = OrderStatus.AwaitingPayment,
        [(OrderStatus.Pending, OrderTrigger.PaymentAuthorised)] = OrderStatus.HeldForReview,
        [(OrderStatus.Pending, OrderTrigger.CustomerCancel)] = OrderStatus.Cancelled,
        [(OrderStatus.Pending, OrderTrigger.Timeout)] = OrderStatus.Cancelled,

        [(OrderStatus.StockReserved, OrderTrigger.PaymentSucceeded)] = OrderStatus.Paid,
        [(OrderStatus.StockReserved, OrderTrigger.PaymentFailed)] = OrderStatus.Cancelled,
        [(OrderStatus.StockReserved, OrderTrigger.PaymentDeclined)] = OrderStatus.AwaitingPayment,
        [(OrderStatus.StockReserved, OrderTrigger.PaymentAuthorised)] = OrderStatus.HeldForReview,
        [(OrderStatus.StockReserved, OrderTrigger.CustomerCancel)] = OrderStatus.Cancelled,
        [(OrderStatus.StockReserved, OrderTrigger.Timeout)] = OrderStatus.Cancelled,

        // A decline seen before the reservation leaves a reservation still to come: it is ignored here (the stock is held).
        [(OrderStatus.AwaitingPayment, OrderTrigger.StockRejected)] = OrderStatus.Cancelled,
        [(OrderStatus.AwaitingPayment, OrderTrigger.PaymentRetry)] = OrderStatus.StockReserved,
        [(OrderStatus.AwaitingPayment, OrderTrigger.PaymentSucceeded)] = OrderStatus.Paid,
        [(OrderStatus.AwaitingPayment, OrderTrigger.PaymentFailed)] = OrderStatus.Cancelled,
        [(OrderStatus.AwaitingPayment, OrderTrigger.PaymentAuthorised)] = OrderStatus.HeldForReview,
        [(OrderStatus.AwaitingPayment, OrderTrigger.CustomerCancel)] = OrderStatus.Cancelled,
        [(OrderStatus.AwaitingPayment, OrderTrigger.Timeout)] = OrderStatus.Cancelled,

        // Approval publishes OrderReviewApproved and leaves the status; the capture it causes makes the order Paid. A
        // reservation arriving after the authorisation is ignored (the order already holds stock).
        [(OrderStatus.HeldForReview, OrderTrigger.PaymentSucceeded)] = OrderStatus.Paid,
        [(OrderStatus.HeldForReview, OrderTrigger.PaymentFailed)] = OrderStatus.Cancelled,
        [(OrderStatus.HeldForReview, OrderTrigger.ReviewReject)] = OrderStatus.Cancelled,
        [(OrderStatus.HeldForReview, OrderTrigger.CustomerCancel)] = OrderStatus.Cancelled,
        [(OrderStatus.HeldForReview, OrderTrigger.Timeout)] = OrderStatus.Cancelled,

        [(OrderStatus.Paid, OrderTrigger.Ship)] = OrderStatus.Shipped,
        [(OrderStatus.Paid, OrderTrigger.ShipPart)] = OrderStatus.PartiallyShipped,
        [(OrderStatus.Paid, OrderTrigger.CustomerCancel)] = OrderStatus.Cancelled,

        // Each further part is a move to the same status, so it is on the timeline like the first.
        [(OrderStatus.PartiallyShipped, OrderTrigger.ShipPart)] = OrderStatus.PartiallyShipped,
        [(OrderStatus.PartiallyShipped, OrderTrigger.Ship)] = OrderStatus.Shipped,

        [(OrderStatus.Shipped, OrderTrigger.Deliver)] = OrderStatus.Delivered,
    };

    /// <summary>Every move the table allows, for documentation and tests.</summary>
    public static IEnumerable<(OrderStatus From, OrderTrigger Trigger, OrderStatus To)> AllMoves =>
        Moves.Select(m => (m.Key.From, m.Key.Trigger, m.Value));

    /// <summary>The statuses from which <paramref name="trigger"/> moves an order, to explain a refusal.</summary>
    public static IEnumerable<OrderStatus> AllowedFrom(OrderTrigger trigger) => AllMoves.Where(m => m.Trigger == trigger).Select(m => m.From);

    public static TransitionOutcome Decide(OrderStatus from, OrderTrigger trigger)
    {
        if (Moves.TryGetValue((from, trigger), out var to))
        {
            return new TransitionOutcome(TransitionKind.Moved, from, to);
        }

        if (from == OrderStatus.Cancelled && trigger is OrderTrigger.StockReserved or OrderTrigger.PaymentSucceeded)
        {
            return new TransitionOutcome(TransitionKind.Compensate, from, from);
        }

        return new TransitionOutcome(trigger.IsCommand() ? TransitionKind.Refused : TransitionKind.Ignored, from, from);
    }

    /// <summary>Stock is held for the order (reserved, or implied by a captured payment) until it is shipped or cancelled.</summary>
    public static bool HoldsStock(OrderStatus status) =>
        status is OrderStatus.StockReserved or OrderStatus.AwaitingPayment or OrderStatus.HeldForReview or OrderStatus.Paid;
}
