using ECommerce.Products.Caching;
using ECommerce.Products.Domain;
using ECommerce.Products.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Catalog;

/// <summary>Body of a new category; <see cref="Parent"/> is the parent's slug for a sub-category.</summary>
public sealed record CreateCategoryRequest(string? Name, string? Parent);

/// <summary>The category tree and brands: read by anyone, categories created by admins.</summary>
public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog");
        api.MapGet("/categories", async (CatalogLookups lookups, HttpContext context, CancellationToken ct) =>
        {
            HttpCaching.MarkCacheable(context);
            return TypedResults.Ok((await lookups.GetAsync(ct)).Categories.Select(c => new CategoryItem(c.Id, c.Name, c.Slug, c.ParentSlug)).ToList());
        }).AllowAnonymous();
        api.MapGet("/brands", async (CatalogLookups lookups, HttpContext context, CancellationToken ct) =>
        {
            HttpCaching.MarkCacheable(context);
            return TypedResults.Ok((await lookups.GetAsync(ct)).Brands.Select(b => new BrandItem(b.Id, b.Name, b.Slug)).ToList());
        }).AllowAnonymous();
        api.MapPost("/categories", CreateAsync).RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        return app;
    }

    private static async Task<Results<Created<CategoryItem>, ValidationProblem>> CreateAsync(CreateCategoryRequest request, ProductsDbContext db, CatalogCache cache, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var slug = Slugs.From(request.Name ?? "");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100 || slug.Length == 0)
        {
            errors.Add("name", "name is required (at most 100 characters, with letters or digits).");
        }
        else if (await db.Categories.AnyAsync(c => c.Slug == slug, ct))
        {
            errors.Add("name", $"A category '{slug}' exists.");
        }

        var parent = request.Parent is null ? null : await db.Categories.FirstOrDefaultAsync(c => c.Slug == request.Parent, ct);
        if (request.Parent is not null && parent is null)
        {
            errors.Add("parent", $"There is no category '{request.Parent}'.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var category = db.Categories.Add(new Category { Name = request.Name!.Trim(), Slug = slug, Parent = parent }).Entity;
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CatalogCache.LookupsTag);
        return TypedResults.Created($"/api/products/categories/{slug}", new CategoryItem(category.Id, category.Name, slug, parent?.Slug));
    }
}
