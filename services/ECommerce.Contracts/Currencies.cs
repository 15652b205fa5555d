using System.Collections.Frozen;

namespace ECommerce.Contracts;

/// <summary>
/// The one table of currencies the store knows: every active ISO 4217 code and its exponent (the number of decimals
/// of its minor unit: JPY 0, GBP 2, KWD 3). Every service asks here rather than keeping a list of its own.
/// </summary>
public static class Currencies
{
    private static readonly string[] ZeroDecimal = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly string[] ThreeDecimal = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly FrozenDictionary<string, int> Exponents = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
        CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF
        GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP
        LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
        PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL
        THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenDictionary(code => code, code => ZeroDecimal.Contains(code) ? 0 : ThreeDecimal.Contains(code) ? 3 : 2, StringComparer.Ordinal);

    /// <summary>The most decimals any known currency has: the scale of every stored amount in major units.</summary>
    public const int MaxExponent = 3;

    /// <summary>True for an active ISO 4217 code written as the standard writes it (upper case).</summary>
    public static bool IsKnown(string? code) => code is not null && Exponents.ContainsKey(code);

    /// <summary>Trims and upper-cases <paramref name="value"/>; true when the result is a known code.</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = value?.Trim().ToUpperInvariant() ?? "";
        return Exponents.ContainsKey(normalized);
    }

    /// <summary>The ISO 4217 exponent of <paramref name="code"/>; an unknown code is a bug upstream, not a default of 2.</summary>
    public static int ExponentOf(string code) =>
        Exponents.TryGetValue(code.ToUpperInvariant(), out var exponent)
            ? exponent
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code the store knows.", nameof(code));
}
