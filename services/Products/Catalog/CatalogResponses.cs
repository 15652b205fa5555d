namespace ECommerce.Products.Catalog;

/// <summary>
/// A product's page. <see cref="Images"/> are the card JPEGs (what older clients show); <see cref="Gallery"/> is the same
/// images in the same order with every rendition, format and size, for responsive pictures and the zoom view.
/// </summary>
public sealed record ProductDetail(
    Guid Id, string Sku, string Name, string Slug, string Description, decimal Price, string Currency,
    CategoryItem Category, BrandItem Brand, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Images,
    int Available, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version,
    string TaxClass, int WeightGrams, RatingSummary Rating, IReadOnlyList<GalleryImage> Gallery, FamilyDetail? Family = null);

/// <summary>
/// The configurable product a variant belongs to: its options in display order and its active variants, each with
/// its own price, stock and first image, so a page can switch between them without another request.
/// </summary>
public sealed record FamilyDetail(Guid Id, string Name, string Slug, IReadOnlyList<Domain.ProductOption> Options, IReadOnlyList<VariantItem> Variants);

/// <summary>
/// One variant of a family: <see cref="Options"/> maps each option's name to this variant's value; <see cref="Gallery"/>
/// holds all its images, so the page shows a picked variant's pictures first without another request.
/// </summary>
public sealed record VariantItem(
    Guid Id, string Sku, string Slug, IReadOnlyDictionary<string, string> Options, decimal Price, string Currency, int Available, string? ImageUrl,
    IReadOnlyList<GalleryImage> Gallery);

/// <summary>The approved reviews summed up: the average to one decimal (null with none) and how many there are.</summary>
public sealed record RatingSummary(decimal? Average, int Count);

public sealed record CategoryItem(int Id, string Name, string Slug, string? ParentSlug);

public sealed record BrandItem(int Id, string Name, string Slug);

/// <summary>A family in the back office's list: what it groups and how many of its variants are on sale.</summary>
public sealed record AdminFamilySummary(
    Guid Id, string Name, string Slug, string Category, string Brand, IReadOnlyList<Domain.ProductOption> Options, int VariantCount, int ActiveVariantCount);

/// <summary>A family as the back office edits it: its shared details and every variant, inactive ones included.</summary>
public sealed record AdminFamilyDetail(
    Guid Id, string Name, string Slug, string Description, CategoryItem Category, BrandItem Brand,
    IReadOnlyList<Domain.ProductOption> Options, IReadOnlyList<AdminVariantItem> Variants);

/// <summary>One variant in the back office: <see cref="Label"/> reads its values in the family's option order ("Blue / M").</summary>
public sealed record AdminVariantItem(
    Guid Id, string Sku, string Slug, string Label, IReadOnlyDictionary<string, string> Options, decimal Price, string Currency, int Available, bool Active);
