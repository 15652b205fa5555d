using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Caching;

/// <summary>
/// Categories and brands, small and read on every list request, so held in the cache as one snapshot (by name) that
/// the category and brand endpoints answer from and search filters and labels facets with; dropped with the lookups tag.
/// </summary>
public sealed class CatalogLookups(ProductsDbContext db, CatalogCache cache)
{
    public ValueTask<CategoryTree> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("catalog:lookups", [CatalogCache.LookupsTag], async token =>
        {
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new CategoryTreeEntry(c.Id, c.Name, c.Slug, c.Parent == null ? null : c.Parent.Slug)).ToListAsync(token);
            var brands = await db.Brands.AsNoTracking().OrderBy(b => b.Name)
                .Select(b => new CategoryTreeEntry(b.Id, b.Name, b.Slug, null)).ToListAsync(token);
            return new CategoryTree(categories, brands);
        }, ct);
}

/// <summary>A category or brand by id, with the parent's slug for a sub-category.</summary>
public sealed record CategoryTreeEntry(int Id, string Name, string Slug, string? ParentSlug);

/// <summary>The category tree and the brands at one moment.</summary>
public sealed record CategoryTree(IReadOnlyList<CategoryTreeEntry> Categories, IReadOnlyList<CategoryTreeEntry> Brands)
{
    public CategoryTreeEntry Category(int id) => Categories.FirstOrDefault(c => c.Id == id) ?? new CategoryTreeEntry(id, "?", "?", null);

    public CategoryTreeEntry Brand(int id) => Brands.FirstOrDefault(b => b.Id == id) ?? new CategoryTreeEntry(id, "?", "?", null);

    /// <summary>The category's slug and its ancestors' (nearest first); empty when the id is unknown.</summary>
    public List<string> CategoryAndAncestors(int id)
    {
        var result = new List<string>();
        for (var category = Categories.FirstOrDefault(c => c.Id == id); category is not null && !result.Contains(category.Slug);
            category = Categories.FirstOrDefault(c => c.Slug == category.ParentSlug))
        {
            result.Add(category.Slug);
        }

        return result;
    }

    /// <summary>The category's id and every descendant's; empty when the slug is unknown (so the filter matches nothing).</summary>
    public List<int> CategoryAndDescendants(string slug)
    {
        var result = new List<int>();
        var frontier = Categories.Where(c => c.Slug == slug).Select(c => c.Slug).ToList();
        while (frontier.Count > 0)
        {
            var level = Categories.Where(c => frontier.Contains(c.Slug)).ToList();
            result.AddRange(level.Select(c => c.Id));
            frontier = Categories.Where(c => c.ParentSlug is not null && level.Any(l => l.Slug == c.ParentSlug)).Select(c => c.Slug).ToList();
        }

        return result;
    }
}
