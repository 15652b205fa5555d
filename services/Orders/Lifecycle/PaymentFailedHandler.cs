using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// The payment failed. One the shopper can recover from (a decline, a failed 3-D Secure check) leaves the order
/// awaiting payment with its stock held; any other cancels it, and its OrderCancelled makes Products release the stock.
/// </summary>
[HandlerName("PaymentFailedHandler")]
public sealed class PaymentFailedHandler(OrderWorkflow workflow, ILogger<PaymentFailedHandler> logger) : OrderEventHandler<PaymentFailed>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentFailed @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentFailed @event) =>
        Workflow.Apply(order, @event.CanRetry ? OrderTrigger.PaymentDeclined : OrderTrigger.PaymentFailed, "payments", $"payment failed: {@event.Reason}");
}
