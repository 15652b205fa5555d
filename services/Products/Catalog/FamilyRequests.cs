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

/// <summary>
/// A family's shared details edited; each field left out keeps its value. Category and brand move every variant with
/// the family (rows of one family always share them).
/// </summary>
public sealed record UpdateFamilyRequest(string? Name, string? Description, string? Category, string? Brand);

/// <summary>
/// The family's options as they should read: the same option names in the same order, each option's values in the new
/// display order. A value may be added, and dropped only while no variant uses it.
/// </summary>
public sealed record UpdateFamilyOptionsRequest(List<ProductOption>? Options);

/// <summary>A variant shown to shoppers or hidden (its orders, carts and stock stay; its combination stays taken).</summary>
public sealed record VariantActiveRequest(bool? Active);

/// <summary>Where a page of the admin's family list ends: families newest first, so the last one's (time-ordered) id.</summary>
public sealed record FamilyPosition(Guid Id);
