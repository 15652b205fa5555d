using ECommerce.Products.Caching;
using ECommerce.Products.Images;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Catalog;

/// <summary>Public catalog reads: product by id or slug, the live lookup carts use, images.</summary>
public static class ProductEndpoints
{
    public const int MaxLookupIds = 100;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog").AllowAnonymous();
        api.MapGet("/{id:guid}", ByIdAsync).WithName("GetProduct");
        api.MapGet("/by-slug/{slug}", BySlugAsync).WithName("GetProductBySlug");
        api.MapPost("/lookup", LookupAsync).WithName("LookupProducts");
        api.MapGet("/images/{fileName}", ImageServing.ServeAsync).WithName("GetProductImage");
        return app;
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
            return ValidationErrors.Problem("ids", $"ids must hold 1 to {MaxLookupIds} product ids.");
        }

        return TypedResults.Ok(await reads.LookupAsync(request.Ids.Distinct().ToList(), ct));
    }
}
