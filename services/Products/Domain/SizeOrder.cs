using System.Globalization;
using System.Text.RegularExpressions;

namespace ECommerce.Products.Domain;

/// <summary>
/// Sizes in the order a shopper reads them: lettered sizes smallest first (XS, S, M, L, XL, XXL, with the words the
/// retail data uses for them: Mini, Small, Medium, Large, Jumbo), then numeric sizes ascending (6, 8, 10.5, 38), then
/// every other value in the order it came. One rule for the seed's families, the admin API's stored option order and
/// the size facet, so the picker, the filter and the lists never disagree.
/// </summary>
public static partial class SizeOrder
{
    // Each rank with its spellings, compared upper-case without spaces or hyphens ("Extra Large" = "EXTRALARGE").
    // Mini sits with XXS and Jumbo with XXXL: the dataset's smallest and largest words, whatever else a family has.
    private static readonly string[][] Ranks =
    [
        ["XXXS", "3XS"],
        ["XXS", "2XS", "MINI"],
        ["XS", "EXTRASMALL", "XSMALL"],
        ["S", "SMALL"],
        ["M", "MEDIUM"],
        ["L", "LARGE"],
        ["XL", "EXTRALARGE", "XLARGE"],
        ["XXL", "2XL", "XXLARGE"],
        ["XXXL", "3XL", "JUMBO"],
    ];

    private static readonly Dictionary<string, int> RankOf = Ranks
        .SelectMany((spellings, rank) => spellings.Select(s => (s, rank)))
        .ToDictionary(x => x.s, x => x.rank, StringComparer.Ordinal);

    /// <summary>
    /// The values in size order: lettered, then numeric, then the rest as given. Stable, so equal ranks ("S" and
    /// "Small") and unknown values keep the order they came in.
    /// </summary>
    public static List<string> Sort(IEnumerable<string> values) => values.OrderBy(Key).ToList();

    /// <summary>Items in the size order of the value each carries (stable: the rest keep their order).</summary>
    public static List<T> Sort<T>(IEnumerable<T> items, Func<T, string> value) => items.OrderBy(i => Key(value(i))).ToList();

    /// <summary>Whether an option is a size option, whose values follow this order.</summary>
    public static bool IsSizeOption(string name) => string.Equals(name.Trim(), FamilyRules.SizeName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A size facet's slug as shown: a letter code upper-cased ("xl" → "XL", where title case would give "Xl"), any
    /// other value title-cased like the other facets ("small" → "Small").
    /// </summary>
    public static string FacetName(string slug) =>
        LetterCode().IsMatch(slug) ? slug.ToUpperInvariant() : FamilyRules.FacetName(slug);

    [GeneratedRegex("^(x{0,3}[sl]|m|[23]x[sl])$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterCode();

    /// <summary>(0, rank) for a lettered size, (1, number) for a numeric one, (2, 0) for anything else.</summary>
    public static (int Group, decimal Value) Key(string value)
    {
        var compact = value.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (RankOf.TryGetValue(compact, out var rank))
        {
            return (0, rank);
        }

        return decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? (1, number)
            : (2, 0m);
    }
}
