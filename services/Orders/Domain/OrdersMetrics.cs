using System.Diagnostics.Metrics;

namespace ECommerce.Orders.Domain;

/// <summary>
/// The saga's pace on the <c>ECommerce.Orders</c> meter, counted from the order history rows a save commits:
/// <c>ecommerce.orders.checkouts</c> (orders placed, tagged <c>ecommerce.checkout.kind</c> customer or guest) and
/// <c>ecommerce.orders.transitions</c> (moves, tagged <c>ecommerce.order.status</c> with the status reached: Paid,
/// AwaitingPayment, Cancelled…). Paid orders per second is the rate of transitions to Paid.
/// </summary>
public static class OrdersMetrics
{
    private static readonly Meter Meter = new("ECommerce.Orders");

    private static readonly Counter<long> Checkouts = Meter.CreateCounter<long>(
        "ecommerce.orders.checkouts", "{order}", "Orders placed at checkout.");

    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>(
        "ecommerce.orders.transitions", "{order}", "Order status moves, by the status reached.");

    /// <summary>Counts the history rows a save committed.</summary>
    public static void Record(IEnumerable<OrderStatusChange> committed)
    {
        foreach (var change in committed)
        {
            if (change.From is null)
            {
                Checkouts.Add(1, new KeyValuePair<string, object?>("ecommerce.checkout.kind", change.Actor));
            }
            else if (change.From != change.To)
            {
                Transitions.Add(1, new KeyValuePair<string, object?>("ecommerce.order.status", change.To.ToString()));
            }
        }
    }
}
