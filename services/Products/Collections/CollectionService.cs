using System.Globalization;
using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Collections;

/// <summary>
/// Reads collections and their products, cached like the other catalog reads. A rule collection is a catalog search
/// (so it pages with the search's cursor and follows every product change); a manual one is its ids in order, paged
/// by position. Collection pages carry the lists tag too, so a product edit drops them with the search pages.
/// </summary>
public sealed class CollectionService(ProductsDbContext db, CatalogCache cache, ProductSearch search)
{
    public const string CollectionsTag = "collections";
    public const int DefaultLimit = 24;

    /// <summary>The home page's rows: active collections shown on home, by position.</summary>
    public ValueTask<List<CollectionItem>> HomeAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("collections:home", [CollectionsTag], async token =>
            (await db.Collections.AsNoTracking().Where(c => c.Active && c.ShowOnHome).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(token))
                .Select(CollectionItem.From).ToList(), ct);

    /// <summary>A page of an active collection's products; null when there is no such active collection.</summary>
    public async Task<(CollectionPage? Page, ValidationErrors Errors)> PageAsync(string slug, string? cursor, int limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var collection = await cache.GetOrCreateAsync($"collection:{Uri.EscapeDataString(slug)}", [CollectionsTag], async token =>
            await db.Collections.AsNoTracking().Where(c => c.Slug == slug && c.Active).Select(c => c).FirstOrDefaultAsync(token) is { } c
                ? CollectionItem.From(c) : null, ct);
        if (collection is null)
        {
            return (null, errors);
        }

        if (collection.Kind == "manual")
        {
            var offset = 0;
            if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > CollectionRules.MaxProducts))
            {
                errors.Add("cursor", "The cursor is not valid for this collection; start again without it.");
                return (null, errors);
            }

            var products = await cache.GetOrCreateAsync($"collection-items:{collection.Id}", [CollectionsTag, CatalogCache.ListsTag],
                async token => await ManualProductsAsync(collection.ProductIds, token), ct);
            var items = products.Skip(offset).Take(limit).ToList();
            var next = offset + limit < products.Count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null;
            return (new CollectionPage(collection, items, next), errors);
        }

        var query = new ProductListQuery(
            null, [.. collection.Categories], [.. collection.Brands],
            collection.MinPrice?.ToString(CultureInfo.InvariantCulture), collection.MaxPrice?.ToString(CultureInfo.InvariantCulture),
            null, collection.Sort, cursor, limit.ToString(CultureInfo.InvariantCulture), collection.MinRating?.ToString(CultureInfo.InvariantCulture));
        if (!query.TryValidate(out var filter, out var invalid))
        {
            return (null, invalid);
        }

        // Keyed by the search's own key: the same rows as the catalog list with this filter, without counting facets.
        var page = await cache.GetOrCreateAsync($"collection-list:{filter.CacheKey}", [CollectionsTag, CatalogCache.ListsTag],
            async token => await search.QueryAsync(filter, countFacets: false, token), ct);
        return (new CollectionPage(collection, page.Items, page.Next), errors);
    }

    /// <summary>The manual list's products still active, in the list's order.</summary>
    private async Task<List<ProductSummary>> ManualProductsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = (await search.SummariesAsync(ids, ct)).ToDictionary(p => p.Id);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }
}
