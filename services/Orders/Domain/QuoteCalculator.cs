using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Orders.Domain;

/// <summary>
/// A product to be priced: the catalog's unit price (in the store's price basis), what tax and shipping need, and its
/// category slugs (own, then ancestors) for category-scoped promotions.
/// </summary>
public sealed record PricedProduct(Guid ProductId, string Sku, string Name, int Quantity, long UnitPriceMinor, string TaxClass, int WeightGrams,
    IReadOnlyList<string>? CategorySlugs = null, string? VariantLabel = null)
{
    public IReadOnlyList<string> Categories => CategorySlugs ?? [];
}

/// <summary>
/// The price rules (docs/orders.md) in integer minor units. Per line: the discount is taken off, then the tax is
/// worked out on that line and rounded half away from zero to the minor unit. Tax-inclusive store: a destination
/// with rates pays the shelf price, whose tax part is amount × rate / (1 + rate); a destination without rates pays the
/// shelf price less the home country's tax. Tax-exclusive store: tax is amount × rate on top. Shipping is taxed at the
/// destination's standard rate, the same way.
/// </summary>
public static class QuoteCalculator
{
    public static Quote Calculate(
        IReadOnlyList<PricedProduct> products,
        string currency,
        string country,
        IReadOnlyList<ShippingMethod> methods,
        string? shippingCode,
        Promotion? promotion,
        TaxRules tax,
        DateOnly today)
    {
        var collects = tax.RateFor(country, TaxClasses.Standard) is not null;
        var priced = products.Select(p =>
        {
            var taxClass = TaxClasses.IsKnown(p.TaxClass) ? p.TaxClass : TaxClasses.Standard;
            var unit = tax.PricesIncludeTax && !collects ? Round(p.UnitPriceMinor / (1 + tax.HomeRate(taxClass))) : p.UnitPriceMinor;
            return (Product: p, TaxClass: taxClass, Unit: unit, Amount: checked(unit * p.Quantity));
        }).ToList();
        var discount = promotion?.DiscountFor([.. priced.Select(p => new DiscountableLine(p.Product.ProductId, p.Amount, p.Product.Categories))], currency);
        var lines = new List<QuoteLine>(products.Count);
        foreach (var (p, taxClass, unit, amount) in priced)
        {
            var lineDiscount = Math.Clamp(discount?.LineDiscounts.GetValueOrDefault(p.ProductId) ?? 0, 0, amount);
            var rate = tax.RateFor(country, taxClass) ?? 0m;
            lines.Add(new QuoteLine(p.ProductId, p.Sku, p.Name, p.Quantity, taxClass, rate, unit, amount, lineDiscount,
                TaxOf(amount - lineDiscount, rate, tax.PricesIncludeTax), p.VariantLabel));
        }

        var subtotal = lines.Sum(l => l.AmountMinor);
        var discounted = lines.Sum(l => l.DiscountMinor);
        var weight = products.Sum(p => (long)p.WeightGrams * p.Quantity);
        var options = OptionsFor(methods, country, subtotal - discounted, (int)Math.Min(int.MaxValue, weight), currency, today, discount?.FreeShipping == true);
        var shipping = options.FirstOrDefault(o => o.Code == shippingCode) ?? options.FirstOrDefault();
        var shippingRate = tax.RateFor(country, TaxClasses.Standard) ?? 0m;
        var shippingTax = TaxOf(shipping?.FeeMinor ?? 0, shippingRate, tax.PricesIncludeTax);

        var taxes = lines.Select(l => (l.TaxRate, Net: Net(l.AmountMinor - l.DiscountMinor, l.TaxMinor, tax.PricesIncludeTax), l.TaxMinor))
            .Append((TaxRate: shippingRate, Net: Net(shipping?.FeeMinor ?? 0, shippingTax, tax.PricesIncludeTax), TaxMinor: shippingTax))
            .Where(t => t.Net != 0 || t.TaxMinor != 0)
            .GroupBy(t => t.TaxRate)
            .OrderByDescending(g => g.Key)
            .Select(g => new TaxLine(g.Key, g.Sum(t => t.Net), g.Sum(t => t.TaxMinor)))
            .ToList();
        var totalTax = lines.Sum(l => l.TaxMinor) + shippingTax;
        var total = subtotal - discounted + (shipping?.FeeMinor ?? 0) + (tax.PricesIncludeTax ? 0 : totalTax);
        var appliedDiscount = discounted > 0 || (discount?.FreeShipping == true && shipping is not null) ? discount : null;

        var quote = new Quote(currency, tax.PricesIncludeTax, country, lines, subtotal, discounted, appliedDiscount, shipping, shippingTax,
            taxes, totalTax, total, options, "");
        return quote with { Fingerprint = FingerprintOf(quote) };
    }

    private static List<ShippingOption> OptionsFor(
        IReadOnlyList<ShippingMethod> methods, string country, long goods, int weight, string currency, DateOnly today, bool free)
    {
        var options = new List<ShippingOption>();
        foreach (var method in methods.Where(m => m.Serves(country, methods)).OrderBy(m => m.SortOrder).ThenBy(m => m.Code, StringComparer.Ordinal))
        {
            if (method.FeeMinor(goods, weight, currency) is not { } fee)
            {
                continue;
            }

            var (earliest, latest) = DeliveryEstimate.From(today, method.MinDays, method.MaxDays);
            options.Add(new ShippingOption(method.Code, method.Name, method.Zone, free ? 0 : fee, earliest, latest));
        }

        return options;
    }

    private static long TaxOf(long amount, decimal rate, bool included) =>
        included ? Round(amount * rate / (1 + rate)) : Round(amount * rate);

    private static long Net(long amount, long taxMinor, bool included) => included ? amount - taxMinor : amount;

    private static long Round(decimal minor) => (long)Math.Round(minor, MidpointRounding.AwayFromZero);

    /// <summary>Every number the shopper is shown, hashed: equal fingerprints mean an equal charge.</summary>
    private static string FingerprintOf(Quote q)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{q.Currency}|{q.Country}|{q.PricesIncludeTax}|{q.Discount?.Code}|{q.Shipping?.Code}:{q.ShippingMinor}:{q.ShippingTaxMinor}");
        foreach (var l in q.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{l.ProductId}:{l.Quantity}:{l.UnitPriceMinor}:{l.DiscountMinor}:{l.TaxMinor}");
        }

        text.Append(CultureInfo.InvariantCulture, $"|{q.TaxMinor}|{q.TotalMinor}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 16);
    }
}
