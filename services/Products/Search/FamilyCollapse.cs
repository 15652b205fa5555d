using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search.Semantic;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>
/// Lists show a family once: of its variants matching the filters, the one the sort lists first stands for it.
/// Written as a correlated subquery (is this row its family's first matching variant under the sort?) rather than
/// row_number() over a partition, because EF Core translates it from LINQ, the keyset cursor and limit stay as they
/// are, and with the family_id index each test reads only that family's few rows; standalone rows skip it.
/// </summary>
internal static class FamilyCollapse
{
    public static IQueryable<Product> FirstOfEachFamily(ProductsDbContext db, IQueryable<Product> matching, ProductFilter filter, SearchRanking? ranking = null)
    {
        var siblings = matching;
        var relevance = Relevance.Of(filter.Text ?? "", ranking);
        return filter.Sort switch
        {
            ProductSort.Relevance => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .OrderByDescending(relevance)
                .ThenBy(s => s.Id).Select(s => s.Id).FirstOrDefault()),
            ProductSort.PriceAsc => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .OrderBy(s => s.Price).ThenBy(s => s.Id).Select(s => s.Id).FirstOrDefault()),
            ProductSort.PriceDesc => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .OrderByDescending(s => s.Price).ThenByDescending(s => s.Id).Select(s => s.Id).FirstOrDefault()),
            ProductSort.BestSelling => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .OrderByDescending(s => s.Stock!.Sold).ThenByDescending(s => s.Id).Select(s => s.Id).FirstOrDefault()),
            ProductSort.TopRated => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .Select(s => new
                {
                    s.Id,
                    Sum = db.Ratings.Where(x => x.ProductId == s.Id).Select(x => x.Sum).FirstOrDefault(),
                    Count = db.Ratings.Where(x => x.ProductId == s.Id).Select(x => x.Count).FirstOrDefault(),
                })
                .OrderByDescending(s => s.Count == 0 ? 0d : (double)s.Sum / s.Count).ThenByDescending(s => s.Count).ThenByDescending(s => s.Id)
                .Select(s => s.Id).FirstOrDefault()),
            _ => matching.Where(p => p.FamilyId == null || p.Id == siblings.Where(s => s.FamilyId == p.FamilyId)
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(s => s.Id).FirstOrDefault()),
        };
    }

    /// <summary>The page's family items with the family's name, variant count, price range and colour swatches (two queries a page).</summary>
    public static async Task<List<ProductSummary>> WithFamiliesAsync(ProductsDbContext db, List<ProductSummary> items, CancellationToken ct)
    {
        var familyIds = items.Where(i => i.FamilyId is not null).Select(i => i.FamilyId!.Value).Distinct().ToList();
        if (familyIds.Count == 0)
        {
            return items;
        }

        var families = await db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => new { f.Name, f.Options }, ct);
        var variants = (await db.Products.AsNoTracking().Where(p => p.FamilyId != null && familyIds.Contains(p.FamilyId.Value) && p.Active)
            .Select(p => new { FamilyId = p.FamilyId!.Value, p.Price, p.OptionValues }).ToListAsync(ct))
            .ToLookup(v => v.FamilyId);
        return items.Select(item =>
        {
            if (item.FamilyId is not { } id || !variants.Contains(id))
            {
                return item;
            }

            var family = variants[id].ToList();
            var colourOption = families.GetValueOrDefault(id)?.Options.FirstOrDefault(o => FamilyRules.ColourNames.Contains(o.Name));
            var swatches = colourOption is null ? [] : colourOption.Values
                .Where(c => family.Any(v => v.OptionValues.GetValueOrDefault(colourOption.Name) == c)).ToList();
            // The card names the family ("Regency Teacup And Saucer"), not the variant that stands for it.
            return item with { Name = families.GetValueOrDefault(id)?.Name ?? item.Name, VariantCount = family.Count, PriceFrom = family.Min(v => v.Price), PriceTo = family.Max(v => v.Price), Swatches = swatches };
        }).ToList();
    }
}
