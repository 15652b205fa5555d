using System.ComponentModel.DataAnnotations;

namespace ECommerce.Products.Inventory;

/// <summary>Inventory settings (section <c>Products:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Products:Inventory";

    /// <summary>How long a placed order holds its stock before the expiry sweep releases it (payment should finish well inside it).</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the expiry sweep looks for reservations past their time.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int ExpiryBatchSize { get; set; } = 100;
}
