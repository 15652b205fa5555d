using ECommerce.Products.Caching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Search;

/// <summary>Public list and search with facets, and autocomplete suggestions.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/", ListAsync).WithName("ListProducts");
        api.MapGet("/suggestions", SuggestAsync).WithName("SuggestProducts");
        return app;
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> ListAsync(
        [AsParameters] ProductListQuery query, ProductSearch search, CatalogCache cache, HttpContext context, CancellationToken ct)
    {
        if (!query.TryValidate(out var filter, out var errors))
        {
            return errors.ToProblem();
        }

        var page = await cache.GetOrCreateAsync($"list:{filter.CacheKey}", [CatalogCache.ListsTag], async token => await search.QueryAsync(filter, token), ct);
        HttpCaching.MarkCacheable(context);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<List<Suggestion>>, ValidationProblem>> SuggestAsync(string? q, string? limit, ProductSuggestions suggestions, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(!string.IsNullOrWhiteSpace(q) && q.Trim().Length is >= 2 and <= 100, "q", "q must be 2 to 100 characters.");
        var take = 8;
        errors.Check(limit is null || (int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out take) && take is >= 1 and <= 20),
            "limit", "limit must be a whole number from 1 to 20.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        HttpCaching.MarkCacheable(context);
        return TypedResults.Ok(await suggestions.SuggestAsync(q!.Trim(), take, ct));
    }
}
