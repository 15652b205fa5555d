namespace ECommerce.Products.Catalog;

/// <summary>An admin's new product. Category and brand by slug; a brand that does not exist yet is created.</summary>
public sealed record CreateProductRequest(
    string? Sku, string? Name, string? Description, decimal? Price, string? Currency,
    string? Category, string? Brand, Dictionary<string, string>? Attributes, int? InitialStock,
    string? TaxClass = null, int? WeightGrams = null);

/// <summary>An admin's edit; <see cref="Version"/> is the one read from the product, and a stale one is a 409.</summary>
public sealed record UpdateProductRequest(
    string? Name, string? Description, decimal? Price, string? Category, string? Brand,
    Dictionary<string, string>? Attributes, bool? Active, uint? Version,
    string? TaxClass = null, int? WeightGrams = null);

/// <summary>An admin's edit of one image's alt text; null or blank clears it (the product's name is shown instead).</summary>
public sealed record UpdateImageRequest(string? Alt);
