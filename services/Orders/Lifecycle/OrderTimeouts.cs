using System.ComponentModel.DataAnnotations;

namespace ECommerce.Orders.Lifecycle;

/// <summary>How long an order may wait on another service before it is cancelled (section <c>Orders:Timeouts</c>).</summary>
public sealed class OrderTimeouts
{
    /// <summary>Waiting for Products to reserve or reject the stock.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Pending { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Waiting for Payments to capture or decline, stock held.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan StockReserved { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
