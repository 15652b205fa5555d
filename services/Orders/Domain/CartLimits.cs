namespace ECommerce.Orders.Domain;

/// <summary>How big a cart may get (section <c>Orders:Cart</c>).</summary>
public sealed class CartLimits
{
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxLines { get; set; } = 50;

    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>A cart untouched (neither read nor changed) for this long expires.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired carts are deleted (they read as empty meanwhile).</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
