using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// Payments refunded all or part of the order: each refund recorded in its history once. A partial refund leaves the
/// status alone; a refund after a cancel finds it Cancelled already.
/// </summary>
[HandlerName("PaymentRefundedHandler")]
public sealed class PaymentRefundedHandler(OrderWorkflow workflow, TimeProvider clock, ILogger<PaymentRefundedHandler> logger)
    : OrderEventHandler<PaymentRefunded>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentRefunded @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentRefunded @event) =>
        order.RecordRefund(@event.RefundId, $"refund of {@event.AmountMinor} {@event.Currency} (minor units) on payment {@event.PaymentId}", clock.GetUtcNow());
}
