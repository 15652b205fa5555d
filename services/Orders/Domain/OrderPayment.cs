namespace ECommerce.Orders.Domain;

/// <summary>The order's side of paying: how long its stock is held for payment, and paying again after a decline.</summary>
public sealed partial class Order
{
    /// <summary>Which payment of this order is current: 1 at checkout, one more for each retry after a decline.</summary>
    public int PaymentAttempts { get; private set; } = 1;

    /// <summary>
    /// Until when the reserved stock waits for a payment, set once when the order first holds stock: a decline and a
    /// retry do not extend it. When it passes unpaid, the timeout sweep cancels the order and the stock is released.
    /// </summary>
    public DateTimeOffset? StockHeldUntil { get; private set; }

    /// <summary>Starts the hold when the order first waits for payment with stock held (reserved, or declined before that).</summary>
    public void HoldStockFor(TimeSpan hold, DateTimeOffset now)
    {
        if (StockHeldUntil is null && Status is OrderStatus.StockReserved or OrderStatus.AwaitingPayment)
        {
            StockHeldUntil = now + hold;
        }
    }

    /// <summary>Whether the shopper may pay again now: the payment failed in a way they can fix and the hold has not run out.</summary>
    public bool CanRetryPayment(DateTimeOffset now) => Status == OrderStatus.AwaitingPayment && (StockHeldUntil is null || StockHeldUntil > now);

    /// <summary>
    /// Pays again with another method: the order goes back to waiting for Payments, which charges attempt
    /// <see cref="PaymentAttempts"/> when it hears OrderPaymentRetried. Refused unless <see cref="CanRetryPayment"/>.
    /// </summary>
    public TransitionOutcome RetryPayment(string paymentMethod, string actor, DateTimeOffset now)
    {
        if (!CanRetryPayment(now))
        {
            return new TransitionOutcome(TransitionKind.Refused, Status, Status);
        }

        PaymentMethod = paymentMethod;
        PaymentAttempts++;
        return Apply(OrderTrigger.PaymentRetry, actor, $"payment attempt {PaymentAttempts}", now);
    }
}
