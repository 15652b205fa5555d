namespace ECommerce.Products.Search;

/// <summary>A validated list/search request.</summary>
public sealed record ProductFilter(
    string? Text,
    string? CategorySlug,
    string? BrandSlug,
    decimal? MinPrice,
    decimal? MaxPrice,
    bool InStockOnly,
    ProductSort Sort,
    PageCursor? After,
    int Limit)
{
    /// <summary>A stable key for caching: equal filters give equal keys.</summary>
    public string CacheKey => string.Join('|', Text?.ToLowerInvariant(), CategorySlug, BrandSlug, MinPrice, MaxPrice, InStockOnly, Sort, After?.Encode(), Limit);
}
