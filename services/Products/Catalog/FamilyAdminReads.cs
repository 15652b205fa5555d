using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>
/// The back office's reads of families, always from the database (never the shoppers' cache): an admin editing a family
/// must see the change just saved, and the inactive variants no shopper sees.
/// </summary>
public static class FamilyAdminReads
{
    /// <summary>
    /// Families newest first (their ids are version-7 UUIDs, so id order is creation order and the keyset is the id
    /// alone); <paramref name="q"/> matches a word of the name or the slug.
    /// </summary>
    public static async Task<Page<AdminFamilySummary>> ListAsync(ProductsDbContext db, string? q, FamilyPosition? after, int limit, CancellationToken ct)
    {
        var families = db.Families.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            families = families.Where(f => EF.Functions.ILike(f.Name, pattern) || EF.Functions.ILike(f.Slug, pattern));
        }

        if (after is not null)
        {
            families = families.Where(f => f.Id.CompareTo(after.Id) < 0);
        }

        var rows = await families.OrderByDescending(f => f.Id).Take(limit + 1)
            .Select(f => new AdminFamilySummary(
                f.Id, f.Name, f.Slug, f.Category!.Name, f.Brand!.Name, f.Options,
                db.Products.Count(p => p.FamilyId == f.Id), db.Products.Count(p => p.FamilyId == f.Id && p.Active)))
            .ToListAsync(ct);
        var next = rows.Count > limit ? Paging.Encode(new FamilyPosition(rows[limit - 1].Id)) : null;
        return new Page<AdminFamilySummary>(rows.Take(limit).ToList(), next);
    }

    /// <summary>The family with every variant, ordered as its options list their values; null when there is none.</summary>
    public static async Task<AdminFamilyDetail?> DetailAsync(ProductsDbContext db, Guid id, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.Slug,
                f.Description,
                Category = new CategoryItem(f.Category!.Id, f.Category.Name, f.Category.Slug, f.Category.Parent == null ? null : f.Category.Parent.Slug),
                Brand = new BrandItem(f.Brand!.Id, f.Brand.Name, f.Brand.Slug),
                f.Options,
            })
            .FirstOrDefaultAsync(ct);
        if (family is null)
        {
            return null;
        }

        var variants = await db.Products.AsNoTracking().Where(p => p.FamilyId == id)
            .Select(p => new { p.Id, p.Sku, p.Slug, p.OptionValues, p.Price, p.Currency, Available = p.Stock == null ? 0 : p.Stock.Available, p.Active })
            .ToListAsync(ct);
        var ordered = variants
            .OrderBy(v => string.Join('\u0001', family.Options.Select(o => o.Values.IndexOf(v.OptionValues.GetValueOrDefault(o.Name) ?? "").ToString("D3", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .ThenBy(v => v.Sku, StringComparer.Ordinal)
            .Select(v => new AdminVariantItem(v.Id, v.Sku, v.Slug, FamilyRules.Label(family.Options, v.OptionValues), v.OptionValues, v.Price, v.Currency, v.Available, v.Active))
            .ToList();
        return new AdminFamilyDetail(family.Id, family.Name, family.Slug, family.Description, family.Category, family.Brand, family.Options, ordered);
    }
}
