using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>How a shipping method's fee is worked out.</summary>
public enum ShippingRateKind
{
    /// <summary>One fee whatever the order.</summary>
    Flat,

    /// <summary>The fee of the first band whose <see cref="ShippingBand.UpTo"/> the goods value does not exceed.</summary>
    PriceBand,

    /// <summary>The fee of the first band whose <see cref="ShippingBand.UpTo"/> (grams) the order's weight does not exceed.</summary>
    WeightBand,
}

/// <summary>One band of a banded rate: up to a goods value (major units) or a weight (grams), this fee (major units).</summary>
public sealed record ShippingBand(decimal UpTo, decimal Fee);

/// <summary>
/// A way to deliver an order, offered to the countries of its zone, managed in the back office. Fees and thresholds
/// are in major units of the order's currency and rounded to its minor unit; the goods value they are compared with
/// is after discounts, in the store's price basis (tax-inclusive for the seeded store).
/// </summary>
public sealed class ShippingMethod
{
    /// <summary>The zone that serves every country no other active method lists.</summary>
    public const string RestOfWorld = "*";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The zone's name as shoppers read it ("United Kingdom", "Europe", "Rest of the world").</summary>
    public string Zone { get; set; } = "";

    /// <summary>ISO country codes this method delivers to; <see cref="RestOfWorld"/> for every other country.</summary>
    public List<string> Countries { get; set; } = [];

    public ShippingRateKind RateKind { get; set; }

    public decimal FlatFee { get; set; }

    public List<ShippingBand> Bands { get; set; } = [];

    /// <summary>From this goods value the method is free; null when it never is.</summary>
    public decimal? FreeOver { get; set; }

    /// <summary>Business days from the order to delivery, earliest and latest.</summary>
    public int MinDays { get; set; }

    public int MaxDays { get; set; }

    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }

    /// <summary>PostgreSQL's xmin: two admins editing one method cannot both win.</summary>
    public uint Version { get; set; }

    /// <summary>Whether the method delivers to <paramref name="country"/>, given the other methods (for the rest-of-world zone).</summary>
    public bool Serves(string country, IEnumerable<ShippingMethod> all) =>
        Active && (Countries.Contains(country, StringComparer.OrdinalIgnoreCase)
            || (Countries.Contains(RestOfWorld) && !all.Any(m => m.Active && m.Countries.Contains(country, StringComparer.OrdinalIgnoreCase))));

    /// <summary>The fee in minor units for goods of this value and weight; null when the method cannot carry them (past its last band).</summary>
    public long? FeeMinor(long goodsMinor, int weightGrams, string currency)
    {
        if (FreeOver is { } threshold && goodsMinor >= Money.RoundToMinor(threshold, currency))
        {
            return 0;
        }

        var band = RateKind switch
        {
            ShippingRateKind.PriceBand => Bands.OrderBy(b => b.UpTo).FirstOrDefault(b => goodsMinor <= Money.RoundToMinor(b.UpTo, currency)),
            ShippingRateKind.WeightBand => Bands.OrderBy(b => b.UpTo).FirstOrDefault(b => weightGrams <= b.UpTo),
            _ => new ShippingBand(0, FlatFee),
        };
        return band is null ? null : Money.RoundToMinor(band.Fee, currency);
    }
}
