namespace ECommerce.Orders.Model;

/// <summary>
/// The documented price rules (docs/orders.md): prices exclude tax; shipping is a flat fee, free from a threshold
/// subtotal; tax is a single rate on subtotal plus shipping; every amount is rounded half away from zero to cents.
/// </summary>
public sealed record OrderTotals(decimal Subtotal, decimal Shipping, decimal Tax, decimal Total)
{
    public static OrderTotals Calculate(IEnumerable<(decimal UnitPrice, int Quantity)> lines, PricingRules rules)
    {
        var subtotal = Round(lines.Sum(l => l.UnitPrice * l.Quantity));
        var shipping = subtotal >= rules.FreeShippingThreshold ? 0m : Round(rules.ShippingFee);
        var tax = Round((subtotal + shipping) * rules.TaxRate);
        return new OrderTotals(subtotal, shipping, tax, subtotal + shipping + tax);
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The numbers behind <see cref="OrderTotals"/> (section <c>Orders:Pricing</c>).</summary>
public sealed class PricingRules
{
    [System.ComponentModel.DataAnnotations.Range(0, 1000)]
    public decimal ShippingFee { get; set; } = 4.95m;

    [System.ComponentModel.DataAnnotations.Range(0, 1_000_000)]
    public decimal FreeShippingThreshold { get; set; } = 50m;

    [System.ComponentModel.DataAnnotations.Range(0, 1)]
    public decimal TaxRate { get; set; } = 0.20m;
}
