namespace ECommerce.Products.Search;

/// <summary>
/// A validated list/search request. Within a facet the values are alternatives (any of them matches); the facets and
/// the other filters all apply together. Facet values are distinct and sorted (see <see cref="ProductListQuery"/>).
/// <see cref="MinRating"/> (1–4) keeps products whose approved reviews average at least that many stars.
/// </summary>
public sealed record ProductFilter(
    string? Text,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<string> BrandSlugs,
    decimal? MinPrice,
    decimal? MaxPrice,
    bool InStockOnly,
    ProductSort Sort,
    PageCursor? After,
    int Limit,
    IReadOnlyList<string> Colours,
    IReadOnlyList<string> Sizes,
    int? MinRating = null)
{
    /// <summary>
    /// A stable key for caching: equal filters give equal keys, whatever order the facet values came in (they are
    /// sorted). Free text and slugs are escaped, so no value can pass for a separator and two filters share a key.
    /// </summary>
    public string CacheKey => string.Join('|',
        Escape(Text?.ToLowerInvariant()), string.Join(',', CategorySlugs.Select(Escape)), string.Join(',', BrandSlugs.Select(Escape)),
        MinPrice, MaxPrice, InStockOnly, Sort, After?.Encode(), Limit,
        string.Join(',', Colours.Select(Escape)), string.Join(',', Sizes.Select(Escape)), MinRating);

    private static string Escape(string? value) => value is null ? "" : Uri.EscapeDataString(value);
}
