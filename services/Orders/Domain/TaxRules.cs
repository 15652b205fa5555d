namespace ECommerce.Orders.Domain;

/// <summary>
/// The store's tax settings (section <c>Orders:Tax</c>): whether catalog prices include tax, the store's home country,
/// and the rate per destination country and <see cref="TaxClasses">tax class</see>. A destination without rates is
/// one the store collects no tax for: it is charged the price less the home country's tax (see docs/orders.md).
/// </summary>
public sealed class TaxRules
{
    /// <summary>True for the seeded UK store: the price on the shelf is what the shopper pays, tax included.</summary>
    public bool PricesIncludeTax { get; set; } = true;

    [System.ComponentModel.DataAnnotations.RegularExpression("^[A-Z]{2}$")]
    public string HomeCountry { get; set; } = "GB";

    /// <summary>Destination country (ISO 3166-1 alpha-2) → tax class → rate (0.20 is 20%).</summary>
    public Dictionary<string, Dictionary<string, decimal>> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rate for a destination and class; null when the store collects no tax for that destination.</summary>
    public decimal? RateFor(string country, string taxClass)
    {
        var rates = Rates.Count > 0 ? Rates : DefaultRates;
        if (!rates.TryGetValue(country, out var classes))
        {
            return null;
        }

        return classes.TryGetValue(TaxClasses.IsKnown(taxClass) ? taxClass : TaxClasses.Standard, out var rate) ? rate : 0m;
    }

    /// <summary>The rate already inside a tax-inclusive price: the home country's.</summary>
    public decimal HomeRate(string taxClass) => RateFor(HomeCountry, taxClass) ?? 0m;

    /// <summary>
    /// Used when configuration names no rates: the UK and the EU countries the seeded shipping zones serve (standard,
    /// reduced and zero rates as published for 2026). Configuration replaces the whole table, not single entries.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Dictionary<string, decimal>> DefaultRates =
        new Dictionary<string, Dictionary<string, decimal>>(StringComparer.OrdinalIgnoreCase)
        {
            ["GB"] = Set(0.20m, 0.05m),
            ["IE"] = Set(0.23m, 0.135m),
            ["FR"] = Set(0.20m, 0.055m),
            ["DE"] = Set(0.19m, 0.07m),
            ["NL"] = Set(0.21m, 0.09m),
            ["BE"] = Set(0.21m, 0.06m),
            ["ES"] = Set(0.21m, 0.10m),
            ["IT"] = Set(0.22m, 0.10m),
            ["LU"] = Set(0.17m, 0.08m),
            ["PT"] = Set(0.23m, 0.06m),
            ["AT"] = Set(0.20m, 0.10m),
            ["DK"] = Set(0.25m, 0.25m),
            ["SE"] = Set(0.25m, 0.12m),
            ["FI"] = Set(0.255m, 0.14m),
            ["PL"] = Set(0.23m, 0.08m),
            ["CZ"] = Set(0.21m, 0.12m),
        };

    private static Dictionary<string, decimal> Set(decimal standard, decimal reduced) =>
        new() { [TaxClasses.Standard] = standard, [TaxClasses.Reduced] = reduced, [TaxClasses.Zero] = 0m };
}
