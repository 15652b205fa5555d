using ECommerce.Products.Caching;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

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

/// <summary>The category tree and the brands at one moment, as <c>/categories</c> and <c>/brands</c> return them.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<CategoryItem> Categories, IReadOnlyList<BrandItem> Brands);
