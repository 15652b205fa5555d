using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ECommerce.Contracts;

/// <summary>
/// Postcode formats. The store's main markets have their exact national format and a postcode is required there.
/// Everywhere else the generic rule applies: optional (many countries have no postcodes), and when given, 2–10 letters,
/// digits, spaces or hyphens starting and ending with a letter or digit. Postcodes are stored upper-case with single spaces.
/// </summary>
public static partial class PostcodeRules
{
    private static readonly FrozenDictionary<string, (Regex Pattern, string Example)> National = new Dictionary<string, (Regex, string)>
    {
        ["GB"] = (Gb(), "SW1A 1AA"),
        ["US"] = (Us(), "94105 or 94105-1234"),
        ["CA"] = (Ca(), "K1A 0B1"),
        ["IE"] = (Ie(), "D02 X285"),
        ["NL"] = (Nl(), "1012 AB"),
        ["SE"] = (Se(), "114 55"),
        ["PL"] = (Pl(), "00-950"),
        ["PT"] = (Pt(), "1000-001"),
        ["JP"] = (Jp(), "100-0001"),
        ["DE"] = (FiveDigits(), "10115"),
        ["FR"] = (FiveDigits(), "75001"),
        ["ES"] = (FiveDigits(), "28001"),
        ["IT"] = (FiveDigits(), "00118"),
        ["FI"] = (FiveDigits(), "00100"),
        ["BE"] = (FourDigits(), "1000"),
        ["NO"] = (FourDigits(), "0150"),
        ["AT"] = (FourDigits(), "1010"),
        ["CH"] = (FourDigits(), "8001"),
        ["DK"] = (FourDigits(), "1050"),
        ["AU"] = (FourDigits(), "2000"),
        ["NZ"] = (FourDigits(), "6011"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Countries with a national format (documented in docs/users.md; one table for every service).</summary>
    public static IEnumerable<string> CountriesWithNationalFormat => National.Keys;

    /// <summary>Null when valid (with <paramref name="normalized"/> set), else the message for the <c>postcode</c> field.</summary>
    public static string? Validate(string country, string? postcode, out string normalized)
    {
        normalized = Normalize(postcode);
        if (National.TryGetValue(country, out var rule))
        {
            if (normalized.Length == 0)
            {
                return $"A postcode is required for {country}.";
            }

            return rule.Pattern.IsMatch(normalized) ? null : $"'{normalized}' is not a valid postcode for {country} (e.g. {rule.Example}).";
        }

        return normalized.Length == 0 || Generic().IsMatch(normalized)
            ? null
            : "A postcode is 2-10 letters, digits, spaces or hyphens.";
    }

    private static string Normalize(string? postcode) =>
        string.Join(' ', (postcode ?? "").ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")]
    private static partial Regex Gb();

    [GeneratedRegex(@"^[0-9]{5}(-[0-9]{4})?$")]
    private static partial Regex Us();

    [GeneratedRegex(@"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$")]
    private static partial Regex Ca();

    [GeneratedRegex(@"^([AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$")]
    private static partial Regex Ie();

    [GeneratedRegex(@"^[1-9][0-9]{3} ?[A-Z]{2}$")]
    private static partial Regex Nl();

    [GeneratedRegex(@"^[1-9][0-9]{2} ?[0-9]{2}$")]
    private static partial Regex Se();

    [GeneratedRegex(@"^[0-9]{2}-[0-9]{3}$")]
    private static partial Regex Pl();

    [GeneratedRegex(@"^[1-9][0-9]{3}-[0-9]{3}$")]
    private static partial Regex Pt();

    [GeneratedRegex(@"^[0-9]{3}-[0-9]{4}$")]
    private static partial Regex Jp();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex FiveDigits();

    [GeneratedRegex(@"^[0-9]{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$")]
    private static partial Regex Generic();
}
