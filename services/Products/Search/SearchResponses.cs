namespace ECommerce.Products.Search;

/// <summary>
/// A product as a list or search result shows it; <see cref="Rating"/> is the average of its approved reviews (one
/// decimal, null before the first) and <see cref="Reviews"/> how many there are. A family is one item: the variant
/// the sort lists first, with <see cref="VariantCount"/> active variants priced <see cref="PriceFrom"/> to
/// <see cref="PriceTo"/> and its colours as <see cref="Swatches"/> (a standalone product: 1, its price, none).
/// <see cref="ImageAlt"/> is the stored alt text of the image <see cref="ImageUrl"/> shows, null when it has none.
/// </summary>
public sealed record ProductSummary(
    Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency,
    string Category, string Brand, bool InStock, string? ImageUrl, decimal? Rating, int Reviews,
    Guid? FamilyId, int VariantCount, decimal PriceFrom, decimal PriceTo, IReadOnlyList<string> Swatches, string? ImageAlt = null);

/// <summary>
/// One page of products in the <see cref="Page{T}"/> shape (<see cref="Next"/> is the following page's cursor), with
/// the facets beside it on the first page, and there too a corrected query when a search found few or no products.
/// </summary>
public sealed record ProductPage(IReadOnlyList<ProductSummary> Items, string? Next, ProductFacets? Facets, DidYouMean? DidYouMean);

/// <summary>
/// Counts for the current query. <see cref="Total"/> and <see cref="InStock"/> count products matching every filter;
/// each facet's counts leave out that facet's own filter (categories ignore <c>category</c>, brands <c>brand</c>, price
/// ranges <c>minPrice</c>/<c>maxPrice</c>, ratings <c>minRating</c>, colours <c>colour</c>, sizes <c>size</c>), so the
/// other values of a facet stay listed with their counts. Every count is of list items: a family counts once.
/// </summary>
public sealed record ProductFacets(
    int Total, IReadOnlyList<FacetCount> Categories, IReadOnlyList<FacetCount> Brands,
    IReadOnlyList<PriceRangeCount> PriceRanges, int InStock, IReadOnlyList<RatingCount> Ratings, IReadOnlyList<FacetCount> Colours,
    IReadOnlyList<FacetCount> Sizes);

public sealed record FacetCount(string Slug, string Name, int Count);

/// <summary>A price bucket: <see cref="Min"/> inclusive, <see cref="Max"/> exclusive, null for open-ended.</summary>
public sealed record PriceRangeCount(decimal? Min, decimal? Max, int Count);

/// <summary>"<see cref="MinRating"/>★ &amp; up": how many products average at least that many stars (4 down to 1).</summary>
public sealed record RatingCount(int MinRating, int Count);

/// <summary>A search built from the catalog's own words that finds more products (<see cref="Total"/>) than the one asked.</summary>
public sealed record DidYouMean(string Query, int Total);

/// <summary>An autocomplete suggestion.</summary>
public sealed record Suggestion(string Name, string Slug);
