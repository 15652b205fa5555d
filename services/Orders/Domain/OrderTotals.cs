using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// The documented price rules (docs/orders.md), computed in integer minor units of the order's currency (JPY 0
/// decimals, GBP 2, KWD 3): prices exclude tax; shipping is a flat fee, free from a threshold subtotal; tax is a
/// single rate on subtotal plus shipping, rounded half away from zero once, to the currency's minor unit.
/// </summary>
public sealed record OrderTotals(string Currency, long SubtotalMinor, long ShippingMinor, long TaxMinor)
{
    public long TotalMinor => SubtotalMinor + ShippingMinor + TaxMinor;

    public decimal Subtotal => Money.FromMinor(SubtotalMinor, Currency);

    public decimal Shipping => Money.FromMinor(ShippingMinor, Currency);

    public decimal Tax => Money.FromMinor(TaxMinor, Currency);

    public decimal Total => Money.FromMinor(TotalMinor, Currency);

    /// <summary>
    /// Every unit price must be a whole number of minor units (<see cref="Money.ToMinor"/> throws otherwise: checkout
    /// refuses such a line first). The configured fee and threshold, set in major units, are rounded to the currency.
    /// </summary>
    public static OrderTotals Calculate(IEnumerable<(decimal UnitPrice, int Quantity)> lines, string currency, PricingRules rules)
    {
        var subtotal = lines.Sum(l => checked(Money.ToMinor(l.UnitPrice, currency) * l.Quantity));
        var shipping = subtotal >= Money.RoundToMinor(rules.FreeShippingThreshold, currency) ? 0 : Money.RoundToMinor(rules.ShippingFee, currency);
        var tax = (long)Math.Round((subtotal + shipping) * rules.TaxRate, MidpointRounding.AwayFromZero);
        return new OrderTotals(currency, subtotal, shipping, tax);
    }
}
