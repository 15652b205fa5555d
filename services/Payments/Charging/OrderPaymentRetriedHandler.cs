using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;

namespace ECommerce.Payments.Charging;

/// <summary>
/// The shopper pays again after a failure: the failed payment starts its next attempt with the new method and is
/// charged at once (the order's stock is still held). A repeat of the event, or one for an attempt already made, does nothing.
/// </summary>
[HandlerName("OrderPaymentRetriedHandler")]
[HandledAlone] // calls the payment provider
public sealed class OrderPaymentRetriedHandler(PaymentsDbContext db, PaymentCharger charger, ILogger<OrderPaymentRetriedHandler> logger)
    : IIntegrationEventHandler<OrderPaymentRetried>
{
    public async Task HandleAsync(OrderPaymentRetried @event, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(@event.OrderId, cancellationToken) ?? throw new PaymentNotRecordedException(@event.OrderId);
        if (!payment.StartAttempt(@event.Attempt, @event.PaymentMethod))
        {
            logger.LogInformation("Order {OrderId} payment is {Status} at attempt {Attempt}; retry {Retry} ignored",
                @event.OrderId, payment.Status, payment.Attempt, @event.Attempt);
            return;
        }

        await charger.ChargeAsync(payment, cancellationToken);
    }
}
