using System.Globalization;

namespace ECommerce.Products.Search;

/// <summary>
/// The raw query string of a list/search request. Values bind as strings so that a bad one becomes a validation
/// problem naming the field, not a generic binding failure. <see cref="Category"/>, <see cref="Brand"/>,
/// <see cref="Colour"/> and <see cref="Size"/> repeat (<c>?category=a&amp;category=b</c>): several values of one facet
/// match any of them. Colour and size are variants' option values ("blue", "m"), matched case-insensitively.
/// </summary>
public sealed record ProductListQuery(
    string? Q, string[]? Category, string[]? Brand, string? MinPrice, string? MaxPrice,
    string? InStock, string? Sort, string? Cursor, string? Limit, string? MinRating = null, string[]? Colour = null,
    string[]? Size = null)
{
    public const int DefaultLimit = 24;
    public const int MaxLimit = 100;

    /// <summary>Values one facet may hold: more than any storefront offers, few enough to keep the query plan small.</summary>
    public const int MaxFacetValues = 20;

    /// <summary>A slug is at most 80 characters (<see cref="Domain.Slugs"/>); a little slack for hand-typed values.</summary>
    public const int MaxFacetValueLength = 100;

    public bool TryValidate(out ProductFilter filter, out ValidationErrors errors)
    {
        errors = new ValidationErrors();
        var text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (text is { Length: > 200 })
        {
            errors.Add("q", "The search text must be at most 200 characters.");
        }

        var min = ParsePrice(MinPrice, "minPrice", errors);
        var max = ParsePrice(MaxPrice, "maxPrice", errors);
        if (min is not null && max is not null && min > max)
        {
            errors.Add("maxPrice", "maxPrice must not be below minPrice.");
        }

        var inStock = false;
        if (InStock is not null && !bool.TryParse(InStock, out inStock))
        {
            errors.Add("inStock", "inStock must be true or false.");
        }

        var sort = text is null ? ProductSort.Newest : ProductSort.Relevance;
        if (Sort is not null && !TryParseSort(Sort, out sort))
        {
            errors.Add("sort", "sort must be one of relevance, newest, price_asc, price_desc, best_selling, top_rated.");
        }
        else if (sort == ProductSort.Relevance && text is null)
        {
            errors.Add("sort", "Sorting by relevance needs a search text (q).");
        }

        var limit = DefaultLimit;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        PageCursor? after = null;
        if (Cursor is not null && (!PageCursor.TryDecode(Cursor, out after) || after!.Sort != sort))
        {
            errors.Add("cursor", "The cursor is not valid for this sort; start again without it.");
        }

        int? minRating = null;
        if (MinRating is not null)
        {
            minRating = int.TryParse(MinRating, NumberStyles.None, CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 4 ? stars : null;
            errors.Check(minRating is not null, "minRating", "minRating must be a whole number from 1 to 4.");
        }

        var categories = FacetValues(Category, "category", errors);
        var brands = FacetValues(Brand, "brand", errors);
        var colours = FacetValues(Colour, "colour", errors);
        var sizes = FacetValues(Size, "size", errors);
        filter = new ProductFilter(text, categories, brands, min, max, inStock, sort, after, limit, colours, sizes, minRating);
        return errors.IsEmpty;
    }

    /// <summary>
    /// The distinct values of a repeated facet parameter, trimmed, lower-cased and sorted, so that the order a client
    /// sends them in changes neither the result nor the cache key. Blank values are ignored (an empty form field).
    /// </summary>
    private static IReadOnlyList<string> FacetValues(string[]? values, string field, ValidationErrors errors)
    {
        var distinct = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        errors.Check(distinct.Count <= MaxFacetValues, field, $"At most {MaxFacetValues} {field} values may be given.");
        errors.Check(distinct.All(v => v.Length <= MaxFacetValueLength), field, $"Each {field} value must be at most {MaxFacetValueLength} characters.");
        return distinct;
    }

    private static decimal? ParsePrice(string? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price <= 1_000_000m)
        {
            return price;
        }

        errors.Add(field, $"{field} must be a non-negative number.");
        return null;
    }

    private static bool TryParseSort(string value, out ProductSort sort)
    {
        sort = value.ToLowerInvariant() switch
        {
            "relevance" => ProductSort.Relevance,
            "newest" => ProductSort.Newest,
            "price_asc" => ProductSort.PriceAsc,
            "price_desc" => ProductSort.PriceDesc,
            "top_rated" => ProductSort.TopRated,
            "best_selling" => ProductSort.BestSelling,
            _ => (ProductSort)(-1),
        };
        return Enum.IsDefined(sort);
    }
}
