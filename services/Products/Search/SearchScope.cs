using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// A filter's facet values resolved to ids against the category tree and brands: each category with its descendants,
/// each brand by slug. Null means the facet is not filtered; an empty list (only unknown slugs) matches nothing.
/// </summary>
public sealed record SearchScope(IReadOnlySet<int>? CategoryIds, IReadOnlySet<int>? BrandIds)
{
    public static SearchScope For(ProductFilter filter, CategoryTree catalog) => new(
        filter.CategorySlugs.Count == 0 ? null : filter.CategorySlugs.SelectMany(slug => catalog.CategoryAndDescendants(slug)).ToHashSet(),
        filter.BrandSlugs.Count == 0 ? null : catalog.Brands.Where(b => filter.BrandSlugs.Contains(b.Slug)).Select(b => b.Id).ToHashSet());

    /// <summary>
    /// Active products matching the search text alone: what the facet counts start from. With semantic search, the
    /// products near the text in meaning (<paramref name="semantic"/>) match too.
    /// </summary>
    public static IQueryable<Product> MatchingText(ProductsDbContext db, string? text, IReadOnlyCollection<Guid>? semantic = null)
    {
        var products = db.Products.AsNoTracking().Where(p => p.Active);
        if (text is null)
        {
            return products;
        }

        if (semantic is { Count: > 0 })
        {
            var ids = semantic.ToArray();
            return products.Where(p =>
                p.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text))
                || EF.Functions.TrigramsAreWordSimilar(text, p.Name)
                || ids.Contains(p.Id));
        }

        return products.Where(p =>
            p.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text))
            || EF.Functions.TrigramsAreWordSimilar(text, p.Name));
    }

    /// <summary>Active products matching every filter: any value within a facet, all facets and filters together.</summary>
    public IQueryable<Product> Matching(ProductsDbContext db, ProductFilter filter, IReadOnlyCollection<Guid>? semantic = null)
    {
        var products = MatchingText(db, filter.Text, semantic);
        if (CategoryIds is not null)
        {
            var ids = CategoryIds.ToList();
            products = products.Where(p => ids.Contains(p.CategoryId));
        }

        if (BrandIds is not null)
        {
            var ids = BrandIds.ToList();
            products = products.Where(p => ids.Contains(p.BrandId));
        }

        if (filter.Colours.Count > 0)
        {
            var colours = filter.Colours.ToList();
            products = products.Where(p => p.ColourValue != null && colours.Contains(p.ColourValue));
        }

        if (filter.Sizes.Count > 0)
        {
            var sizes = filter.Sizes.ToList();
            products = products.Where(p => p.SizeValue != null && sizes.Contains(p.SizeValue));
        }

        if (filter.MinPrice is { } min)
        {
            products = products.Where(p => p.Price >= min);
        }

        if (filter.MaxPrice is { } max)
        {
            products = products.Where(p => p.Price <= max);
        }

        if (filter.InStockOnly)
        {
            products = products.Where(p => p.Stock!.Available > 0);
        }

        // Average >= n compared exactly in integers (sum >= n * count), so 3.95 is not rounded up into "4 & up".
        if (filter.MinRating is { } stars)
        {
            products = products.Where(p => db.Ratings.Any(r => r.ProductId == p.Id && r.Count > 0 && r.Sum >= stars * r.Count));
        }

        return products;
    }
}
