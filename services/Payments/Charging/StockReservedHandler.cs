using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Payments.Charging;

/// <summary>Stock is held for the order: charge it (once, however often this arrives).</summary>
[HandlerName("StockReservedHandler")]
[HandledAlone] // calls the payment provider
public sealed class StockReservedHandler(PaymentCharger charger) : IIntegrationEventHandler<StockReserved>
{
    public Task HandleAsync(StockReserved @event, CancellationToken cancellationToken) =>
        charger.ChargeAsync(@event.OrderId, cancellationToken);
}
