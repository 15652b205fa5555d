namespace ECommerce.Products.Catalog;

/// <summary>Body of <c>POST /api/products/lookup</c> (agreed with Orders): up to 100 ids.</summary>
public sealed record ProductLookupRequest(IReadOnlyList<Guid>? Ids);

/// <summary>
/// Live price and availability of one product, as carts need them (agreed with Orders). <see cref="CategorySlugs"/> is the
/// product's category and its ancestors, nearest first, so a promotion on a category reaches its sub-categories.
/// <see cref="VariantLabel"/> names a variant's options ("Blue / M"); null for a standalone product.
/// </summary>
public sealed record ProductLookupItem(
    Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, int Available, bool Active, string? ImageUrl,
    string TaxClass, int WeightGrams, IReadOnlyList<string> CategorySlugs, string? VariantLabel = null);
