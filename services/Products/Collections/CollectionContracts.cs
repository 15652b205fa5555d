using ECommerce.Products.Domain;
using ECommerce.Products.Search;

namespace ECommerce.Products.Collections;

/// <summary>
/// Body of a new or changed collection. <see cref="Kind"/> is <c>rule</c> (the filter fields apply) or <c>manual</c>
/// (<see cref="ProductIds"/> in order); <see cref="Slug"/> defaults to one made from the title.
/// </summary>
public sealed record CollectionRequest(
    string? Slug, string? Title, string? Description, string? Kind,
    string[]? Categories, string[]? Brands, decimal? MinPrice, decimal? MaxPrice, int? MinRating, string? Sort,
    Guid[]? ProductIds, int? Position, bool? ShowOnHome, bool? Active);

/// <summary>A collection as the storefront and the back office see it.</summary>
public sealed record CollectionItem(
    int Id, string Slug, string Title, string? Description, string Kind,
    IReadOnlyList<string> Categories, IReadOnlyList<string> Brands, decimal? MinPrice, decimal? MaxPrice, int? MinRating, string? Sort,
    IReadOnlyList<Guid> ProductIds, int Position, bool ShowOnHome, bool Active)
{
    public static CollectionItem From(Collection c) => new(
        c.Id, c.Slug, c.Title, c.Description, c.Kind == CollectionKind.Manual ? "manual" : "rule",
        c.CategorySlugs, c.BrandSlugs, c.MinPrice, c.MaxPrice, c.MinRating, c.Sort, c.ProductIds, c.Position, c.ShowOnHome, c.Active);
}

/// <summary>One page of a collection's products, with the collection itself (title and description for its page).</summary>
public sealed record CollectionPage(CollectionItem Collection, IReadOnlyList<ProductSummary> Items, string? Next);

/// <summary>The back office's new order: every collection's id, first to last.</summary>
public sealed record ReorderCollectionsRequest(int[]? Ids);
