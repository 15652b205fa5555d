namespace ECommerce.Orders.Model;

/// <summary>How big a cart may get (section <c>Orders:Cart</c>).</summary>
public sealed class CartLimits
{
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxLines { get; set; } = 50;

    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>A cart untouched (neither read nor changed) for this long expires.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(7);
}
