using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>The payment was declined: the order is cancelled and its OrderCancelled makes Products release the stock.</summary>
[HandlerName("PaymentFailedHandler")]
public sealed class PaymentFailedHandler(OrderWorkflow workflow, ILogger<PaymentFailedHandler> logger) : OrderEventHandler<PaymentFailed>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentFailed @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentFailed @event) =>
        Workflow.Apply(order, OrderTrigger.PaymentFailed, "payments", $"payment failed: {@event.Reason}");
}
