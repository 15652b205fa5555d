using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Payments.Charging;

/// <summary>The back office approved an order held for risk review: capture its authorised payment (once, however often this arrives).</summary>
[HandlerName("OrderReviewApprovedHandler")]
[HandledAlone] // calls the payment provider
public sealed class OrderReviewApprovedHandler(PaymentCharger charger) : IIntegrationEventHandler<OrderReviewApproved>
{
    public Task HandleAsync(OrderReviewApproved @event, CancellationToken cancellationToken) =>
        charger.CaptureHeldAsync(@event.OrderId, cancellationToken);
}
