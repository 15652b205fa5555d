namespace ECommerce.Contracts;

/// <summary>
/// Conversions between an amount in major units (what people read: 12.34 GBP) and the integer minor units the store
/// computes, stores and charges in (1234). <see cref="ToMinor"/> is exact: an amount finer than the currency's minor
/// unit (¥14.34, £1.234) is refused, never rounded. Rounding happens only where a rule asks for it (<see cref="RoundToMinor"/>).
/// </summary>
public static class Money
{
    private static readonly decimal[] Factors = [1m, 10m, 100m, 1000m];

    /// <summary>True when <paramref name="amount"/> is a whole number of the currency's minor units.</summary>
    public static bool IsRepresentable(decimal amount, string currency) => TryToMinor(amount, currency, out _);

    public static bool TryToMinor(decimal amount, string currency, out long minor)
    {
        var scaled = amount * Factors[Currencies.ExponentOf(currency)];
        if (scaled != decimal.Truncate(scaled) || scaled is < long.MinValue or > long.MaxValue)
        {
            minor = 0;
            return false;
        }

        minor = (long)scaled;
        return true;
    }

    /// <summary>The amount in minor units; throws <see cref="ArgumentException"/> when it is not a whole number of them.</summary>
    public static long ToMinor(decimal amount, string currency) =>
        TryToMinor(amount, currency, out var minor)
            ? minor
            : throw new ArgumentException($"{amount} {currency} has more decimals than {currency} has ({Currencies.ExponentOf(currency)}).", nameof(amount));

    /// <summary>The amount in major units with exactly the currency's decimals (1000 GBP minor is 10.00, 15 JPY is 15).</summary>
    public static decimal FromMinor(long minor, string currency)
    {
        var magnitude = minor < 0 ? (ulong)-(minor + 1) + 1 : (ulong)minor;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, minor < 0, (byte)Currencies.ExponentOf(currency));
    }

    /// <summary>
    /// Rounds half away from zero to the currency's minor unit, for amounts a rule derives or configures (a tax, a
    /// fee set in major units) rather than amounts someone priced or paid.
    /// </summary>
    public static long RoundToMinor(decimal amount, string currency) =>
        (long)Math.Round(amount * Factors[Currencies.ExponentOf(currency)], MidpointRounding.AwayFromZero);
}
