using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Lifecycle;

/// <summary>
/// Payments authorised an order held for risk review and did not capture it: the order waits in HeldForReview for the
/// back office (the review window starts now). A repeat, or one arriving after a cancel, changes nothing.
/// </summary>
[HandlerName("PaymentAuthorisedHandler")]
public sealed class PaymentAuthorisedHandler(OrderWorkflow workflow, ILogger<PaymentAuthorisedHandler> logger)
    : OrderEventHandler<PaymentAuthorised>(workflow, logger)
{
    protected override Guid OrderIdOf(PaymentAuthorised @event) => @event.OrderId;

    protected override void Apply(Order order, PaymentAuthorised @event) =>
        Workflow.Apply(order, OrderTrigger.PaymentAuthorised, "payments", "payment authorised, not taken: the order is being checked");
}
