namespace ECommerce.Payments.Model;

/// <summary>
/// Converts order totals (decimal major units) to the integer minor units providers charge in. The exponent follows
/// ISO 4217 as Stripe applies it: most currencies have two decimals, a few none, a few three.
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    public static int ExponentOf(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>Rounds half away from zero: a total with more precision than the currency has is a rounding upstream, not a reason to fail a checkout.</summary>
    public static long ToMinor(decimal amount, string currency)
    {
        var factor = (decimal)Math.Pow(10, ExponentOf(currency));
        return (long)Math.Round(amount * factor, MidpointRounding.AwayFromZero);
    }
}
