using ECommerce.Products.Caching;
using ECommerce.Products.Catalog;
using ECommerce.Products.Images;
using ECommerce.Products.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Apis;

/// <summary>Public catalog reads: list and search with facets, product by id or slug, lookup for carts, suggestions, images.</summary>
public static class ProductsApi
{
    public const int MaxLookupIds = 100;

    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/", ListAsync).WithName("ListProducts");
        api.MapGet("/{id:guid}", ByIdAsync).WithName("GetProduct");
        api.MapGet("/by-slug/{slug}", BySlugAsync).WithName("GetProductBySlug");
        api.MapPost("/lookup", LookupAsync).WithName("LookupProducts");
        api.MapGet("/suggestions", SuggestAsync).WithName("SuggestProducts");
        api.MapGet("/images/{fileName}", ImageAsync).WithName("GetProductImage");
        return app;
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> ListAsync(
        [AsParameters] ProductListQuery query, ProductSearch search, CatalogCache cache, HttpContext context, CancellationToken ct)
    {
        if (!query.TryValidate(out var filter, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await cache.GetOrCreateAsync($"list:{filter.CacheKey}", [CatalogCache.ListsTag], async token => await search.QueryAsync(filter, token), ct);
        HttpCaching.MarkCacheable(context);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<ProductDetail>, StatusCodeHttpResult, NotFound>> ByIdAsync(Guid id, ProductReads reads, HttpContext context, CancellationToken ct) =>
        Respond(await reads.ByIdAsync(id, ct), context);

    private static async Task<Results<Ok<ProductDetail>, StatusCodeHttpResult, NotFound>> BySlugAsync(string slug, ProductReads reads, HttpContext context, CancellationToken ct) =>
        Respond(slug.Length > 100 ? null : await reads.BySlugAsync(slug.ToLowerInvariant(), ct), context);

    private static Results<Ok<ProductDetail>, StatusCodeHttpResult, NotFound> Respond(CachedProduct? product, HttpContext context)
    {
        // Inactive products stay reachable by id for old orders' links, but never through public reads.
        if (product is null || !product.Detail.Active)
        {
            return TypedResults.NotFound();
        }

        HttpCaching.MarkCacheable(context);
        return HttpCaching.NotModified(context, product.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(product.Detail);
    }

    private static async Task<Results<Ok<List<ProductLookupItem>>, ValidationProblem>> LookupAsync(ProductLookupRequest request, ProductReads reads, CancellationToken ct)
    {
        if (request.Ids is null || request.Ids.Count == 0 || request.Ids.Count > MaxLookupIds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"ids must hold 1 to {MaxLookupIds} product ids."] });
        }

        return TypedResults.Ok(await reads.LookupAsync(request.Ids.Distinct().ToList(), ct));
    }

    private static async Task<Results<Ok<List<Suggestion>>, ValidationProblem>> SuggestAsync(string? q, string? limit, ProductSuggestions suggestions, HttpContext context, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length is < 2 or > 100)
        {
            errors["q"] = ["q must be 2 to 100 characters."];
        }

        var take = 8;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out take) || take is < 1 or > 20))
        {
            errors["limit"] = ["limit must be a whole number from 1 to 20."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        HttpCaching.MarkCacheable(context);
        return TypedResults.Ok(await suggestions.SuggestAsync(q!.Trim(), take, ct));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> ImageAsync(string fileName, IImageStore images, HttpContext context, CancellationToken ct)
    {
        var format = ImageFormat.FromExtension(Path.GetExtension(fileName));
        if (format is null || await images.OpenReadAsync(fileName, ct) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        // Names are never reused, so an image can be cached for good.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, format.ContentType);
    }
}
