using ECommerce.Products.Domain;

namespace ECommerce.Products.Catalog;

/// <summary>An admin's new configurable product: its options (e.g. Colour: Blue, Red; Size: S, M, L), category and brand by slug/name.</summary>
public sealed record CreateFamilyRequest(
    string? Name, string? Description, string? Category, string? Brand, List<ProductOption>? Options);

/// <summary>
/// A new variant of a family: its own SKU, price, stock and one value of each of the family's options. Name,
/// description, category and brand are the family's.
/// </summary>
public sealed record CreateVariantRequest(
    string? Sku, decimal? Price, string? Currency, Dictionary<string, string>? OptionValues, int? InitialStock,
    string? TaxClass = null, int? WeightGrams = null);

/// <summary>A variant's option values changed; the new combination is checked against its siblings.</summary>
public sealed record UpdateVariantOptionsRequest(Dictionary<string, string>? OptionValues);
