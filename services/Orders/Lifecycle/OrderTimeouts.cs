using System.ComponentModel.DataAnnotations;

namespace ECommerce.Orders.Lifecycle;

/// <summary>How long an order may wait on another service before it is cancelled (section <c>Orders:Timeouts</c>).</summary>
public sealed class OrderTimeouts
{
    /// <summary>Waiting for Products to reserve or reject the stock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Pending { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The stock hold: how long an order with reserved stock waits to be paid, counted from the reservation and not
    /// extended by a decline or a retry. Products keeps reservations longer (Products:Inventory:ReservationTtl), so
    /// the order is cancelled before its stock could be released under it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StockReserved { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
