namespace ECommerce.Orders.Domain;

/// <summary>
/// The numbers behind <see cref="OrderTotals"/> (section <c>Orders:Pricing</c>). The fee and threshold are in major
/// units of whichever currency an order is in, rounded to its minor unit (4.95 is ¥5 for a JPY order).
/// </summary>
public sealed class PricingRules
{
    [System.ComponentModel.DataAnnotations.Range(0, 1000)]
    public decimal ShippingFee { get; set; } = 4.95m;

    [System.ComponentModel.DataAnnotations.Range(0, 1_000_000)]
    public decimal FreeShippingThreshold { get; set; } = 50m;

    [System.ComponentModel.DataAnnotations.Range(0, 1)]
    public decimal TaxRate { get; set; } = 0.20m;
}
