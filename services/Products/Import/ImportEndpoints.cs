using System.Security.Claims;
using ECommerce.Products.Caching;
using ECommerce.Products.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Import;

/// <summary>Admin bulk upsert of products from a CSV file.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapPost("/import", ImportAsync).WithName("ImportProducts").Accepts<string>("text/csv");
        return app;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(
        HttpRequest request, ProductImporter importer, ProductsDbContext db, CatalogCache cache, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return ValidationErrors.Problem("body", "Send the file as text/csv.");
        }

        using var reader = new StreamReader(request.Body);
        // The audit trail's actor; an admin token without a subject (a script's) is recorded as "admin", not a role check.
        var result = await importer.ImportAsync(reader, user.FindUserId() ?? "admin", ct);
        await db.SaveChangesAsync(ct);
        // A variant's page lists its siblings, so a family's change evicts every variant's page, not only the imported ones.
        var familyIds = importer.TouchedFamilies.Select(f => f.Id).ToList();
        var siblings = familyIds.Count == 0 ? [] : await db.Products.Where(p => p.FamilyId != null && familyIds.Contains(p.FamilyId.Value)).Select(p => p.Id).ToListAsync(ct);
        await cache.InvalidateAsync([.. importer.UpdatedProducts.Concat(siblings).Distinct().Select(CatalogCache.ProductTag), CatalogCache.ListsTag, CatalogCache.LookupsTag]);
        return TypedResults.Ok(result);
    }
}
