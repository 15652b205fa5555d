using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Persistence;

/// <summary>Lookups every catalog write needs (admin edits and the CSV import alike), so both name brands and slugs one way.</summary>
public static class CatalogWrites
{
    /// <summary>The brand with this name's slug, tracked or stored; a new one is added when there is none.</summary>
    public static async Task<Brand> BrandNamedAsync(this ProductsDbContext db, string name, CancellationToken ct)
    {
        var slug = Slugs.From(name);
        return db.Brands.Local.FirstOrDefault(b => b.Slug == slug)
            ?? await db.Brands.FirstOrDefaultAsync(b => b.Slug == slug, ct)
            ?? db.Brands.Add(new Brand { Name = name.Trim(), Slug = slug }).Entity;
    }

    /// <summary>The name's slug, or the name and SKU's when a product (saved or about to be) already has it.</summary>
    public static async Task<string> UniqueSlugAsync(this ProductsDbContext db, string name, string sku, CancellationToken ct)
    {
        var slug = Slugs.From(name);
        var taken = db.Products.Local.Any(p => p.Slug == slug) || await db.Products.AnyAsync(p => p.Slug == slug, ct);
        return taken ? Slugs.From($"{name} {sku}") : slug;
    }

    /// <summary>
    /// The new product's SKU, trimmed; a 400 naming <c>sku</c> when another product (standalone or a variant) has it.
    /// Asked only once the SKU itself is valid. The unique index is the last word under a race; this is the clear one.
    /// </summary>
    public static async Task<string?> NewSkuAsync(this ProductsDbContext db, ValidationErrors errors, string? sku, CancellationToken ct)
    {
        var trimmed = sku?.Trim();
        if (trimmed is not null && !errors.Has("sku") && await db.Products.AnyAsync(p => p.Sku == trimmed, ct))
        {
            errors.Add("sku", $"A product with sku '{trimmed}' exists.");
        }

        return trimmed;
    }
}
