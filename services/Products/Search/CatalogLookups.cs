using ECommerce.Products.Apis;
using ECommerce.Products.Caching;
using ECommerce.Products.Data;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>Categories and brands, small and read on every list request, so held in the cache as one snapshot.</summary>
public sealed class CatalogLookups(ProductsDbContext db, CatalogCache cache)
{
    public ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("catalog:lookups", [CatalogCache.LookupsTag], async token =>
        {
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new CategoryItem(c.Id, c.Name, c.Slug, c.Parent == null ? null : c.Parent.Slug)).ToListAsync(token);
            var brands = await db.Brands.AsNoTracking().OrderBy(b => b.Name).Select(b => new BrandItem(b.Id, b.Name, b.Slug)).ToListAsync(token);
            return new CatalogSnapshot(categories, brands);
        }, ct);
}

/// <summary>The category tree and the brands at one moment.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<CategoryItem> Categories, IReadOnlyList<BrandItem> Brands)
{
    public CategoryItem Category(int id) => Categories.FirstOrDefault(c => c.Id == id) ?? new CategoryItem(id, "?", "?", null);

    public BrandItem Brand(int id) => Brands.FirstOrDefault(b => b.Id == id) ?? new BrandItem(id, "?", "?");

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
