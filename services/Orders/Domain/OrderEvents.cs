using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Orders.Domain;

/// <summary>
/// What each move of an order tells the other services, so a move publishes the same thing whoever caused it.
/// Shipments and deliveries owe their events from <see cref="Order.Ship"/> and <see cref="Order.Deliver"/>, which know the parcel.
/// </summary>
internal static class OrderEvents
{
    public static IntegrationEvent? Owed(Order order, TransitionOutcome outcome, OrderTrigger trigger, string? reason) => outcome.Kind switch
    {
        TransitionKind.Moved when outcome.To == OrderStatus.Paid =>
            new OrderPaid(order.Id, order.CustomerId, [.. order.Items.Select(i => new OrderLine(i.ProductId, i.Sku, i.Quantity, i.UnitPrice))], order.Currency, order.Total),
        TransitionKind.Moved when outcome.To == OrderStatus.Cancelled =>
            new OrderCancelled(order.Id, order.CustomerId, reason ?? trigger.ToString(), order.WasPaid),
        TransitionKind.Moved when trigger == OrderTrigger.PaymentRetry =>
            new OrderPaymentRetried(order.Id, order.CustomerId, order.PaymentMethod, order.PaymentAttempts),
        // The order stays cancelled; asking again makes Products release the late reservation and, when the late event
        // was a capture, Payments refund it (both act idempotently per order).
        TransitionKind.Compensate => new OrderCancelled(order.Id, order.CustomerId, $"{trigger} after cancellation", order.WasPaid),
        _ => null,
    };
}
