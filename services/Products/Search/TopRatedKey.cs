using System.Globalization;

namespace ECommerce.Products.Search;

/// <summary>
/// The "top rated" sort's cursor key: the exact average (round-trip double, as the database computes sum / count) and
/// the review count, e.g. <c>4.333333333333333:3</c>. A key that does not parse starts from the top instead of failing.
/// </summary>
internal static class TopRatedKey
{
    public static string Format(int sum, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{(count == 0 ? 0d : (double)sum / count):R}:{count}");

    public static bool TryParse(string key, out double average, out int count)
    {
        average = 0;
        count = 0;
        var parts = key.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out average) && double.IsFinite(average)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
