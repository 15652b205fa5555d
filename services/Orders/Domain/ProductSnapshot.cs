namespace ECommerce.Orders.Domain;

/// <summary>What Products says about a product now (its lookup answer). <see cref="Available"/> is the number of units
/// Products could reserve now (the lookup answers a count, not a flag). <see cref="CategorySlugs"/> is the product's category
/// and its ancestors, nearest first (for category-scoped promotions). <see cref="VariantLabel"/> names a variant's options
/// ("Blue / M"); null for a product without variants.</summary>
public sealed record ProductSnapshot(Guid Id, string Sku, string Name, string Slug, decimal Price, string Currency, int Available, bool Active, string? ImageUrl,
    string TaxClass = TaxClasses.Standard, int WeightGrams = 0, IReadOnlyList<string>? CategorySlugs = null, string? VariantLabel = null)
{
    /// <summary>At least one unit left. Checkout does not compare quantities: the reservation decides, all lines or none.</summary>
    public bool InStock => Available > 0;
}
