using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// Disjunctive facet counts: each facet is counted with every filter except its own, so choosing a category still lists
/// the other categories with what choosing them too would add, while brands, price ranges and the total narrow to it.
/// One grouped query over the products matching the text; the filters are then applied to its few hundred groups in
/// memory, instead of one query per facet. Counts are of list items: a family's variants count once (the groups keep
/// the family id, so standalone products still fold into a few groups while families are counted distinctly).
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
                x.P.FamilyId,
                x.P.ColourValue,
                x.P.SizeValue,
            })
            .GroupBy(p => new
            {
                p.CategoryId,
                p.BrandId,
                Bucket = p.Price < 5m ? 0 : p.Price < 10m ? 1 : p.Price < 25m ? 2 : p.Price < 50m ? 3 : p.Price < 100m ? 4 : 5,
                InPriceRange = p.Price >= low && p.Price <= high,
                p.InStock,
                p.Stars,
                p.FamilyId,
                p.ColourValue,
                p.SizeValue,
            })
            .Select(g => new Group(g.Key.CategoryId, g.Key.BrandId, g.Key.Bucket, g.Key.InPriceRange, g.Key.InStock, g.Key.Stars, g.Count(),
                g.Key.FamilyId, g.Key.ColourValue, g.Key.SizeValue))
            .ToListAsync(ct);

        bool InCategory(Group g) => scope.CategoryIds is null || scope.CategoryIds.Contains(g.CategoryId);
        bool InBrand(Group g) => scope.BrandIds is null || scope.BrandIds.Contains(g.BrandId);
        bool InStockFilter(Group g) => !filter.InStockOnly || g.InStock;
        bool InRating(Group g) => filter.MinRating is null || g.Stars >= filter.MinRating;
        bool InColour(Group g) => filter.Colours.Count == 0 || (g.Colour is not null && filter.Colours.Contains(g.Colour));
        bool InSize(Group g) => filter.Sizes.Count == 0 || (g.Size is not null && filter.Sizes.Contains(g.Size));
        bool InOptions(Group g) => InColour(g) && InSize(g);
        bool OtherFilters(Group g) => InStockFilter(g) && InRating(g) && InOptions(g);

        var forCategories = groups.Where(g => InBrand(g) && g.InPriceRange && OtherFilters(g)).ToList();
        var forBrands = groups.Where(g => InCategory(g) && g.InPriceRange && OtherFilters(g)).ToList();
        var forPrices = groups.Where(g => InCategory(g) && InBrand(g) && OtherFilters(g)).ToList();
        var forRatings = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && InStockFilter(g) && InOptions(g)).ToList();
        var forColours = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && InStockFilter(g) && InRating(g) && InSize(g)).ToList();
        var forSizes = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && InStockFilter(g) && InRating(g) && InColour(g)).ToList();
        var matching = groups.Where(g => InCategory(g) && InBrand(g) && g.InPriceRange && OtherFilters(g)).ToList();

        var categories = Count(forCategories, g => g.CategoryId, catalog.Category);
        // A chosen category keeps its box even when it has no leaf of its own in the counts (a parent such as "home",
        // or a category the other filters empty): counted over its whole subtree.
        foreach (var slug in filter.CategorySlugs.Where(s => categories.All(c => c.Slug != s)))
        {
            if (catalog.Categories.FirstOrDefault(c => c.Slug == slug) is { } chosen)
            {
                var subtree = catalog.CategoryAndDescendants(slug);
                categories.Add(new FacetCount(slug, chosen.Name, Items(forCategories.Where(g => subtree.Contains(g.CategoryId)))));
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
            Items(matching),
            Ordered(categories),
            Ordered(brands),
            forPrices.GroupBy(g => g.Bucket).OrderBy(b => b.Key)
                .Select(b => new PriceRangeCount(PriceBuckets[b.Key].Min, PriceBuckets[b.Key].Max, Items(b))).ToList(),
            Items(matching.Where(g => g.InStock)),
            [.. Enumerable.Range(1, 4).Reverse().Select(n => new RatingCount(n, Items(forRatings.Where(g => g.Stars >= n))))],
            Options(forColours, g => g.Colour, filter.Colours, FamilyRules.FacetName),
            // Sizes as a shopper reads them (S before M before L), not by count: the same order as the picker's.
            SizeOrder.Sort(Options(forSizes, g => g.Size, filter.Sizes, SizeOrder.FacetName), f => f.Slug));
    }

    /// <summary>List items among the groups: standalone products by their count, families once each.</summary>
    private static int Items(IEnumerable<Group> groups)
    {
        var standalone = 0;
        var families = new HashSet<Guid>();
        foreach (var g in groups)
        {
            if (g.FamilyId is { } family)
            {
                families.Add(family);
            }
            else
            {
                standalone += g.Count;
            }
        }

        return standalone + families.Count;
    }

    private static List<FacetCount> Count(List<Group> groups, Func<Group, int> id, Func<int, CategoryTreeEntry> entry) =>
        groups.GroupBy(id).Select(g => (Entry: entry(g.Key), Count: Items(g)))
            .Select(e => new FacetCount(e.Entry.Slug, e.Entry.Name, e.Count)).ToList();

    /// <summary>An option facet (colour, size): each value with the items having it; a chosen value keeps its box at 0.</summary>
    private static List<FacetCount> Options(List<Group> groups, Func<Group, string?> value, IReadOnlyList<string> chosen, Func<string, string> name)
    {
        var counts = groups.Where(g => value(g) is not null).GroupBy(g => value(g)!)
            .Select(g => new FacetCount(g.Key, name(g.Key), Items(g))).ToList();
        counts.AddRange(chosen.Where(c => counts.All(f => f.Slug != c)).Select(c => new FacetCount(c, name(c), 0)));
        return Ordered(counts);
    }

    private static List<FacetCount> Ordered(List<FacetCount> counts) =>
        counts.OrderByDescending(f => f.Count).ThenBy(f => f.Slug, StringComparer.Ordinal).ToList();

    private sealed record Group(
        int CategoryId, int BrandId, int Bucket, bool InPriceRange, bool InStock, int Stars, int Count, Guid? FamilyId, string? Colour,
        string? Size);
}
