using ECommerce.Contracts;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Pricing;

public sealed record QuoteLineView(
    Guid ProductId, string Sku, string Name, int Quantity, decimal UnitPrice, decimal Amount, decimal Discount, decimal Tax, decimal TaxRate, string TaxClass,
    string? VariantLabel);

public sealed record TaxLineView(decimal Rate, decimal Net, decimal Tax);

public sealed record ShippingOptionView(string Code, string Name, string Zone, decimal Fee, DateOnly EarliestDelivery, DateOnly LatestDelivery);

/// <summary>
/// A quote as the cart and checkout pages show it (amounts in major units of <see cref="Currency"/>). Placing an order
/// with <see cref="Fingerprint"/> charges exactly <see cref="Total"/> (<see cref="TotalMinor"/> in minor units), or is
/// refused with the new quote when anything changed.
/// </summary>
public sealed record QuoteView(
    string Currency,
    bool PricesIncludeTax,
    string Country,
    IReadOnlyList<QuoteLineView> Lines,
    decimal Subtotal,
    decimal Discount,
    string? DiscountCode,
    string? DiscountDescription,
    ShippingOptionView? Shipping,
    IReadOnlyList<ShippingOptionView> ShippingOptions,
    IReadOnlyList<TaxLineView> Taxes,
    decimal Tax,
    decimal Total,
    long TotalMinor,
    string Fingerprint)
{
    public static QuoteView From(Quote q)
    {
        decimal M(long minor) => Money.FromMinor(minor, q.Currency);
        ShippingOptionView Option(ShippingOption o) => new(o.Code, o.Name, o.Zone, M(o.FeeMinor), o.EarliestDelivery, o.LatestDelivery);
        return new QuoteView(
            q.Currency, q.PricesIncludeTax, q.Country,
            [.. q.Lines.Select(l => new QuoteLineView(l.ProductId, l.Sku, l.Name, l.Quantity, M(l.UnitPriceMinor), M(l.AmountMinor), M(l.DiscountMinor), M(l.TaxMinor), l.TaxRate, l.TaxClass, l.VariantLabel))],
            M(q.SubtotalMinor), M(q.DiscountMinor), q.Discount?.Code, q.Discount?.Description,
            q.Shipping is null ? null : Option(q.Shipping), [.. q.ShippingOptions.Select(Option)],
            [.. q.Taxes.Select(t => new TaxLineView(t.Rate, M(t.NetMinor), M(t.TaxMinor)))],
            M(q.TaxMinor), M(q.TotalMinor), q.TotalMinor, q.Fingerprint);
    }
}
