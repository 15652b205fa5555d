using System.Security.Cryptography;
using System.Text.Json;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>A product's page with the ETag of its content, cached together so a 304 costs no database trip.</summary>
public sealed record CachedProduct(ProductDetail Detail, string ETag);

/// <summary>Single-product reads: by id and slug through the cache, and the live (uncached) lookup carts use.</summary>
public sealed class ProductReads(ProductsDbContext db, CatalogCache cache, CatalogLookups lookups)
{
    // "g2": the page's shape with its gallery's image ids, alt texts and large rendition; an entry Redis still holds from
    // before would lack them, so it is a new key.
    public async Task<CachedProduct?> ByIdAsync(Guid id, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"product:g2:{id:N}", [CatalogCache.ProductTag(id)],
            async token => await LoadAsync(db, id, token), ct);

    public async Task<CachedProduct?> BySlugAsync(string slug, CancellationToken ct)
    {
        // The slug maps to an id (cached, evicted with the product); the page itself is the id's cache entry.
        var id = await cache.GetOrCreateAsync($"slug:{slug}", [CatalogCache.ListsTag],
            async token => await db.Products.Where(p => p.Slug == slug).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(token), ct);
        return id is { } found ? await ByIdAsync(found, ct) : null;
    }

    /// <summary>
    /// Always from the database: carts and checkout must see the current price and stock. The ids go as one parameter
    /// each, not as one array: PostgreSQL then keeps a plan for the statement, where it planned the array's version
    /// afresh on every call, several times per checkout (docs/benchmarks.md, "Planned once").
    /// </summary>
    public async Task<List<ProductLookupItem>> LookupAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var tree = await lookups.GetAsync(ct);
        return await db.Products.AsNoTracking().Where(p => EF.MultipleParameters(ids).Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.Sku,
                p.Name,
                p.Slug,
                p.Price,
                p.Currency,
                Available = p.Stock == null ? 0 : p.Stock.Available,
                p.Active,
                p.TaxClass,
                p.WeightGrams,
                p.CategoryId,
                CategorySlug = p.Category!.Slug,
                Options = p.Family == null ? null : p.Family.Options,
                p.OptionValues,
                Image = p.Images.OrderBy(i => i.SortOrder).Select(i => i.FileName).FirstOrDefault(),
            })
            .AsAsyncEnumerable()
            .Select(p => new ProductLookupItem(p.Id, p.Sku, p.Name, p.Slug, p.Price, p.Currency, p.Available, p.Active,
                ImageUrls.ForProduct(p.Image, p.Id, p.Name, p.CategorySlug), p.TaxClass, p.WeightGrams, tree.CategoryAndAncestors(p.CategoryId),
                p.Options is null ? null : FamilyRules.Label(p.Options, p.OptionValues)))
            .ToListAsync(ct);
    }

    private static async Task<CachedProduct?> LoadAsync(ProductsDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.Products.Where(p => p.Id == id).AsNoTracking()
            .Include(p => p.Category).ThenInclude(c => c!.Parent)
            .Include(p => p.Brand).Include(p => p.Images).Include(p => p.Stock)
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return null;
        }

        // Moderation evicts the product's entry (CatalogCache.InvalidateProductAsync), so the cached summary stays current.
        var rating = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.ProductId == id, ct);
        // A product without an upload shows its generated illustration (drawn on first request, docs/products.md#images).
        var images = p.Images.OrderBy(i => i.SortOrder).Select(i => ImageUrls.For(i.FileName)).DefaultIfEmpty(ImageUrls.ForProduct(null, p.Id, p.Name, p.Category!.Slug)).ToList();
        var gallery = GalleryImages.For(p.Images.OrderBy(i => i.SortOrder).Select(i => new GalleryImages.Stored(i.Id, i.FileName, i.Width, i.Height, i.Alt)), p.Id, p.Name, p.Category.Slug);
        var detail = new ProductDetail(
            p.Id, p.Sku, p.Name, p.Slug, p.Description, p.Price, p.Currency,
            new CategoryItem(p.Category!.Id, p.Category.Name, p.Category.Slug, p.Category.Parent?.Slug),
            new BrandItem(p.Brand!.Id, p.Brand.Name, p.Brand.Slug),
            p.Attributes, images,
            p.Stock?.Available ?? 0, p.Active, p.CreatedAt, p.UpdatedAt, p.Version, p.TaxClass, p.WeightGrams,
            new RatingSummary(rating?.Average, rating?.Count ?? 0), gallery,
            p.FamilyId is { } familyId ? await FamilyAsync(db, familyId, ct) : null);
        return new CachedProduct(detail, ETagOf(detail));
    }

    /// <summary>The family with its active variants, in the order their values are listed in the family's options.</summary>
    private static async Task<FamilyDetail?> FamilyAsync(ProductsDbContext db, Guid familyId, CancellationToken ct)
    {
        var family = await db.Families.AsNoTracking().Where(f => f.Id == familyId)
            .Select(f => new { f.Id, f.Name, f.Slug, f.Options }).FirstOrDefaultAsync(ct);
        if (family is null)
        {
            return null;
        }

        var variants = await db.Products.AsNoTracking().Where(v => v.FamilyId == familyId && v.Active)
            .Select(v => new
            {
                v.Id,
                v.Sku,
                v.Slug,
                v.Name,
                CategorySlug = v.Category!.Slug,
                v.OptionValues,
                v.Price,
                v.Currency,
                Available = v.Stock == null ? 0 : v.Stock.Available,
                Images = v.Images.OrderBy(i => i.SortOrder).Select(i => new GalleryImages.Stored(i.Id, i.FileName, i.Width, i.Height, i.Alt)).ToList(),
            })
            .ToListAsync(ct);
        var ordered = variants
            .OrderBy(v => string.Join('\u0001', family.Options.Select(o => o.Values.IndexOf(v.OptionValues.GetValueOrDefault(o.Name) ?? "").ToString("D3", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .Select(v => new VariantItem(v.Id, v.Sku, v.Slug, v.OptionValues, v.Price, v.Currency, v.Available,
                ImageUrls.ForProduct(v.Images.FirstOrDefault()?.FileName, v.Id, v.Name, v.CategorySlug), GalleryImages.For(v.Images, v.Id, v.Name, v.CategorySlug)))
            .ToList();
        return new FamilyDetail(family.Id, family.Name, family.Slug, family.Options, ordered);
    }

    /// <summary>A strong ETag from the content itself, so any change (price, stock, image) changes it.</summary>
    private static string ETagOf(ProductDetail detail)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(detail, JsonSerializerOptions.Web));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }
}
