namespace ECommerce.Products.Catalog;

/// <summary>A product's page.</summary>
public sealed record ProductDetail(
    Guid Id, string Sku, string Name, string Slug, string Description, decimal Price, string Currency,
    CategoryItem Category, BrandItem Brand, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Images,
    int Available, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version,
    string TaxClass, int WeightGrams, RatingSummary Rating);

/// <summary>The approved reviews summed up: the average to one decimal (null with none) and how many there are.</summary>
public sealed record RatingSummary(decimal? Average, int Count);

public sealed record CategoryItem(int Id, string Name, string Slug, string? ParentSlug);

public sealed record BrandItem(int Id, string Name, string Slug);
