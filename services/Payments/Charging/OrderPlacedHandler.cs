using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Charging;

/// <summary>
/// Records what to charge for a placed order; the charge itself waits for StockReserved. The amount is the order's
/// total in minor units exactly: a total that is not a whole number of them fails the payment at once (the order is
/// cancelled) rather than charging a rounded amount.
/// </summary>
[HandlerName("OrderPlacedHandler")]
public sealed class OrderPlacedHandler(PaymentsDbContext db, ILogger<OrderPlacedHandler> logger) : IIntegrationEventHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced @event, CancellationToken cancellationToken)
    {
        // The unique index on order_id settles a race between two consumers: the loser's transaction fails and is
        // redelivered, and then finds the row here.
        if (await db.Payments.AnyAsync(p => p.OrderId == @event.OrderId, cancellationToken))
        {
            return;
        }

        var amount = AmountToCharge(@event);
        var payment = Payment.Record(@event.OrderId, @event.CustomerId, amount ?? 0, @event.Currency, @event.PaymentMethod, @event.HoldForReview);
        db.Payments.Add(payment);
        if (amount is null)
        {
            logger.LogError("Order {OrderId} totals {Total} {Currency} (minor units {TotalMinor}), not a whole number of minor units; failing its payment",
                @event.OrderId, @event.Total, @event.Currency, @event.TotalMinor);
            PaymentOutcomes.Failed(db, payment, null, FailureReasons.AmountNotRepresentable);
        }
    }

    /// <summary>The total in minor units, or null when it has more decimals than the currency or disagrees with the minor units Orders sent.</summary>
    internal static long? AmountToCharge(OrderPlaced placed) =>
        Currencies.TryNormalize(placed.Currency, out var currency)
            && Money.TryToMinor(placed.Total, currency, out var minor)
            && (placed.TotalMinor ?? minor) == minor
                ? minor
                : null;
}
