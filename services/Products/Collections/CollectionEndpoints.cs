using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Collections;

/// <summary>Collections: the home rows and a collection's products read by anyone; created, changed and ordered by admins.</summary>
public static class CollectionEndpoints
{
    public static IEndpointRouteBuilder MapCollectionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products/collections").WithTags("Collections").AllowAnonymous();
        api.MapGet("/", HomeAsync).WithName("GetHomeCollections");
        api.MapGet("/{slug}", PageAsync).WithName("GetCollection");

        var admin = app.MapGroup("/api/products/admin/collections").WithTags("Collections admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/", AllAsync).WithName("GetAllCollections");
        admin.MapPost("/", CreateAsync).WithName("CreateCollection");
        admin.MapPut("/{collectionId:int}", UpdateAsync).WithName("UpdateCollection");
        admin.MapDelete("/{collectionId:int}", DeleteAsync).WithName("DeleteCollection");
        admin.MapPut("/order", ReorderAsync).WithName("ReorderCollections");
        return app;
    }

    private static async Task<Ok<List<CollectionItem>>> HomeAsync(CollectionService collections, HttpContext context, CancellationToken ct)
    {
        HttpCaching.MarkCacheable(context);
        return TypedResults.Ok(await collections.HomeAsync(ct));
    }

    private static async Task<Results<Ok<CollectionPage>, NotFound, ValidationProblem>> PageAsync(
        string slug, string? cursor, int? limit, CollectionService collections, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var take = Paging.Limit(limit, errors, fallback: CollectionService.DefaultLimit);
        errors.Check(slug.Length <= 100, "slug", "slug must be at most 100 characters.");
        errors.Check(cursor is null or { Length: <= 512 }, "cursor", "The cursor is not valid; start again without it.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var (page, invalid) = await collections.PageAsync(slug, cursor, take, ct);
        if (invalid.HasErrors)
        {
            return invalid.ToProblem();
        }

        HttpCaching.MarkCacheable(context);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    private static async Task<Ok<List<CollectionItem>>> AllAsync(ProductsDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Collections.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct)).Select(CollectionItem.From).ToList());

    private static async Task<Results<Created<CollectionItem>, ValidationProblem>> CreateAsync(
        CollectionRequest request, ProductsDbContext db, CollectionValidation validation, CatalogCache cache, TimeProvider clock, CancellationToken ct)
    {
        // A new collection goes last unless a position is given.
        var last = await db.Collections.MaxAsync(c => (int?)c.Position, ct) ?? -1;
        var collection = new Collection { Slug = "", Title = "", Position = last + 1, Active = true };
        var errors = await validation.ApplyAsync(request, collection, ct);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        collection.UpdatedAt = clock.GetUtcNow();
        db.Collections.Add(collection);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CollectionService.CollectionsTag);
        return TypedResults.Created($"/api/products/collections/{collection.Slug}", CollectionItem.From(collection));
    }

    private static async Task<Results<Ok<CollectionItem>, NotFound, ValidationProblem>> UpdateAsync(
        int collectionId, CollectionRequest request, ProductsDbContext db, CollectionValidation validation, CatalogCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Collections.FindAsync([collectionId], ct) is not { } collection)
        {
            return TypedResults.NotFound();
        }

        var errors = await validation.ApplyAsync(request, collection, ct);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        collection.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CollectionService.CollectionsTag);
        return TypedResults.Ok(CollectionItem.From(collection));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(int collectionId, ProductsDbContext db, CatalogCache cache, CancellationToken ct)
    {
        if (await db.Collections.Where(c => c.Id == collectionId).ExecuteDeleteAsync(ct) == 0)
        {
            return TypedResults.NotFound();
        }

        await cache.InvalidateAsync(CollectionService.CollectionsTag);
        return TypedResults.NoContent();
    }

    /// <summary>Positions become 0, 1, 2… in the order given; the list must name every collection once.</summary>
    private static async Task<Results<Ok<List<CollectionItem>>, ValidationProblem>> ReorderAsync(
        ReorderCollectionsRequest request, ProductsDbContext db, CatalogCache cache, CancellationToken ct)
    {
        var all = await db.Collections.ToListAsync(ct);
        var ids = request.Ids ?? [];
        var errors = new ValidationErrors();
        errors.Check(ids.Length == all.Count && ids.Distinct().Count() == ids.Length && all.All(c => ids.Contains(c.Id)),
            "ids", "ids must list every collection's id exactly once.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        foreach (var c in all)
        {
            c.Position = Array.IndexOf(ids, c.Id);
        }

        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CollectionService.CollectionsTag);
        return TypedResults.Ok(all.OrderBy(c => c.Position).Select(CollectionItem.From).ToList());
    }
}
