namespace ECommerce.Products.Search;

/// <summary>A product as a list or search result shows it.</summary>
public sealed record ProductSummary(
    Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency,
    string Category, string Brand, bool InStock, string? ImageUrl);

/// <summary>
/// One page of products in the <see cref="Page{T}"/> shape (<see cref="Next"/> is the following page's cursor), with
/// the facets beside it on the first page.
/// </summary>
public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, string? Next, ProductFacets? Facets);

/// <summary>Counts for the current query; category and brand counts each add up to <see cref="Total"/>.</summary>
public sealed record ProductFacets(
    int Total, IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<PriceRangeCount> PriceRanges, int InStock);

public sealed record FacetCount(string Slug, string Name, int Count);

/// <summary>A price bucket: <see cref="Min"/> inclusive, <see cref="Max"/> exclusive, null for open-ended.</summary>
public sealed record PriceRangeCount(decimal? Min, decimal? Max, int Count);

/// <summary>An autocomplete suggestion.</summary>
public sealed record Suggestion(string Name, string Slug);
