using System.ComponentModel.DataAnnotations;

namespace ECommerce.Products.Inventory;

/// <summary>Inventory settings (section <c>Products:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Products:Inventory";

    /// <summary>
    /// How long a placed order holds its stock before the expiry sweep releases it: a safety net for an order Orders
    /// never settles. Longer than Orders' payment hold (Orders:Timeouts:StockReserved, 15 minutes) so that an order
    /// awaiting a retried payment is cancelled by Orders before its stock could go to someone else.
    /// </summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The same safety net for an order Orders holds for risk review (OrderPlaced.HoldForReview): longer than Orders'
    /// stock hold plus its review window (Orders:Timeouts:StockReserved 15 minutes + Orders:Risk:ReviewWindow 3 days),
    /// so a held order is approved, rejected or cancelled by Orders before its stock could be released under it.
    /// </summary>
    public TimeSpan HeldReservationTtl { get; set; } = TimeSpan.FromDays(3) + TimeSpan.FromHours(1);

    /// <summary>How often the expiry sweep looks for reservations past their time.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int ExpiryBatchSize { get; set; } = 100;
}
