using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// Payments refunded all or part of the order: each refund recorded in its history once. A partial refund leaves the
/// status alone; a refund after a cancel finds it Cancelled already. A refund for a received return marks that return refunded.
/// </summary>
[HandlerName("PaymentRefundedHandler")]
public sealed class PaymentRefundedHandler(OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentRefundedHandler> logger)
    : OrderEventHandler<PaymentRefunded>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentRefunded @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentRefunded @event)
    {
        var now = clock.GetUtcNow();
        if (order.RecordRefund(@event.RefundId, $"refund of {Money.FromMinor(@event.AmountMinor, @event.Currency)} {@event.Currency} on payment {@event.PaymentId}", now))
        {
            order.MatchReturnRefund(@event.AmountMinor, now);
        }
    }
}
