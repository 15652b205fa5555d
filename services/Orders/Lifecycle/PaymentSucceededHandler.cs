using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>The payment was captured: the order is paid (or, if it was cancelled meanwhile, the capture is refunded).</summary>
[HandlerName("PaymentSucceededHandler")]
public sealed class PaymentSucceededHandler(OrderWorkflow workflow, ILogger<PaymentSucceededHandler> logger)
    : OrderEventHandler<PaymentSucceeded>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentSucceeded @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentSucceeded @event) =>
        Workflow.CapturePayment(order, @event.PaymentId, "payments", $"payment {@event.PaymentId} captured {@event.AmountMinor} {@event.Currency} (minor units)");
}
