using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// Disjunctive facet counts: each facet is counted with every filter except its own, so choosing a category still lists
/// the other categories with what choosing them too would add, while brands, price ranges and the total narrow to it.
/// One grouped query over the products matching the text; the filters are then applied to its few hundred groups in
/// memory, instead of one query per facet.
/// </summary>
internal static class FacetCounts
{
    private static readonly (decimal? Min, decimal? Max)[] PriceBuckets = [(null, 5m), (5m, 10m), (10m, 25m), (25m, 50m), (50m, 100m), (100m, null)];

    public static async Task<ProductFacets> CountAsync(
        IQueryable<Product> matchingText, IQueryable<ProductRating> ratings, ProductFilter filter, SearchScope scope, CategoryTree catalog, CancellationToken ct)
    {
        // Bounds rather than nullable parameters, so the price test is an ordinary column of the grouping.
        var low = filter.MinPrice ?? decimal.MinValue;
        var high = filter.MaxPrice ?? decimal.MaxValue;
        // Whole stars of the average (integer division, 0 when unrated): "n & up" is Stars >= n, exactly.
        var rated = from p in matchingText
                    join r in ratings on p.Id equals r.ProductId into rs
                    from r in rs.DefaultIfEmpty()
                    select new { P = p, Stars = r == null || r.Count == 0 ? 0 : r.Sum / r.Count };
        var groups = await rated
            .Select(x => new
            {
                x.P.CategoryId,
                x.P.BrandId,
                x.P.Price,
                InStock = x.P.Stock != null && x.P.Stock.Available > 0,
                x.Stars,
            })
            .GroupBy(p => new
            {
                p.CategoryId,
                p.BrandId,
                Bucket = p.Price < 5m ? 0 : p.Price < 10m ? 1 : p.Price < 25m ? 2 : p.Price < 50m ? 3 : p.Price < 100m ? 4 : 5,
                InPriceRange = p.Price >= low && p.Price <= high,
                p.InStock,
                p.Stars,
            })
            .Select(g => new Group(g.Key.CategoryId, g.Key.BrandId, g.Key.Bucket, g.Key.InPriceRange, g.Key.InStock, g.Key.Stars, g.Count()))
            .ToListAsync(ct);

        bool InCategory(Group g) => scope.CategoryIds is null || scope.CategoryIds.Contains(g.CategoryId);
        bool InBrand(Group g) => scope.BrandIds is null || scope.BrandIds.Contains(g.BrandId);
        bool OtherFilters(Group g) => (!filter.InStockOnly || g.InStock) && (filter.MinRating is null || g.Stars >= filter.MinRating);

        var forCategories = groups.Where(g => InBrand(g) && g.InPriceRange && OtherFilters(g)).ToList();
        var forBrands = groups.Where(g => InCategory(g) && g.InPriceRange && OtherFilters(g)).ToList();
        var forPrices = groups.Where(g => InCategory(g) && InBrand(g) && OtherFilters(g)).ToList();
        var forRatings = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && (!filter.InStockOnly || g.InStock)).ToList();
        var matching = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && OtherFilters(g)).ToList();

        var categories = Count(forCategories, g => g.CategoryId, catalog.Category);
        // A chosen category keeps its box even when it has no leaf of its own in the counts (a parent such as "home",
        // or a category the other filters empty): counted over its whole subtree.
        foreach (var slug in filter.CategorySlugs.Where(s => categories.All(c => c.Slug != s)))
        {
            if (catalog.Categories.FirstOrDefault(c => c.Slug == slug) is { } chosen)
            {
                var subtree = catalog.CategoryAndDescendants(slug);
                categories.Add(new FacetCount(slug, chosen.Name, forCategories.Where(g => subtree.Contains(g.CategoryId)).Sum(g => g.Count)));
            }
        }

        var brands = Count(forBrands, g => g.BrandId, catalog.Brand);
        foreach (var slug in filter.BrandSlugs.Where(s => brands.All(b => b.Slug != s)))
        {
            if (catalog.Brands.FirstOrDefault(b => b.Slug == slug) is { } chosen)
            {
                brands.Add(new FacetCount(slug, chosen.Name, 0));
            }
        }

        return new ProductFacets(
            matching.Sum(g => g.Count),
            Ordered(categories),
            Ordered(brands),
            forPrices.GroupBy(g => g.Bucket).OrderBy(b => b.Key)
                .Select(b => new PriceRangeCount(PriceBuckets[b.Key].Min, PriceBuckets[b.Key].Max, b.Sum(g => g.Count))).ToList(),
            matching.Where(g => g.InStock).Sum(g => g.Count),
            [.. Enumerable.Range(1, 4).Reverse().Select(n => new RatingCount(n, forRatings.Where(g => g.Stars >= n).Sum(g => g.Count)))]);
    }

    private static List<FacetCount> Count(List<Group> groups, Func<Group, int> id, Func<int, CategoryTreeEntry> entry) =>
        groups.GroupBy(id).Select(g => (Entry: entry(g.Key), Count: g.Sum(x => x.Count)))
            .Select(e => new FacetCount(e.Entry.Slug, e.Entry.Name, e.Count)).ToList();

    private static List<FacetCount> Ordered(List<FacetCount> counts) =>
        counts.OrderByDescending(f => f.Count).ThenBy(f => f.Slug, StringComparer.Ordinal).ToList();

    private sealed record Group(int CategoryId, int BrandId, int Bucket, bool InPriceRange, bool InStock, int Stars, int Count);
}
