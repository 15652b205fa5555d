using ECommerce.Products.Caching;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search;

/// <summary>Autocomplete: names starting with a word typed so far first, then the closest trigram matches.</summary>
public sealed class ProductSuggestions(ProductsDbContext db, CatalogCache cache)
{
    public ValueTask<List<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct) =>
        cache.GetOrCreateAsync($"suggest:{limit}:{text.ToLowerInvariant()}", [CatalogCache.ListsTag], async token =>
        {
            var prefix = text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var containsWord = "% " + prefix + "%";
            var starts = prefix + "%";
            return await db.Products.AsNoTracking()
                .Where(p => p.Active && (EF.Functions.ILike(p.Name, starts, "\\") || EF.Functions.ILike(p.Name, containsWord, "\\")
                    || EF.Functions.TrigramsAreWordSimilar(text, p.Name)))
                .OrderByDescending(p => EF.Functions.ILike(p.Name, starts, "\\"))
                .ThenByDescending(p => EF.Functions.TrigramsWordSimilarity(text, p.Name))
                .ThenBy(p => p.Name)
                .Take(limit)
                .Select(p => new Suggestion(p.Name, p.Slug))
                .ToListAsync(token);
        }, ct);
}
