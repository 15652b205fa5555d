using System.Security.Claims;
using ECommerce.Products.Caching;
using ECommerce.Products.Catalog;
using ECommerce.Products.Data;
using ECommerce.Products.Images;
using ECommerce.Products.Import;
using ECommerce.Products.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Apis;

/// <summary>Admin catalog changes: create, update (optimistic concurrency), deactivate, images, CSV import.</summary>
public static class CatalogAdminApi
{
    public static IEndpointRouteBuilder MapCatalogAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog admin").RequireAuthorization("admin");
        api.MapPost("/", CreateAsync).WithName("CreateProduct");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateProduct");
        api.MapDelete("/{id:guid}", DeactivateAsync).WithName("DeactivateProduct");
        // Bearer-token callers only, so no antiforgery token: a browser cannot attach the header cross-site.
        api.MapPost("/{id:guid}/images", UploadImageAsync).WithName("UploadProductImage").DisableAntiforgery();
        api.MapPost("/import", ImportAsync).WithName("ImportProducts").Accepts<string>("text/csv");
        return app;
    }

    private static async Task<Results<Created<ProductDetail>, ValidationProblem>> CreateAsync(CreateProductRequest request, ProductCommands commands, ProductReads reads, CancellationToken ct)
    {
        var (outcome, product, errors) = await commands.CreateAsync(request, ct);
        if (outcome != CommandOutcome.Done)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await reads.ByIdAsync(product!.Id, ct);
        return TypedResults.Created($"/api/products/{product.Id}", created!.Detail);
    }

    private static async Task<Results<Ok<ProductDetail>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateProductRequest request, ProductCommands commands, ProductReads reads, CancellationToken ct)
    {
        var (outcome, errors) = await commands.UpdateAsync(id, request, ct);
        return outcome switch
        {
            CommandOutcome.NotFound => TypedResults.NotFound(),
            CommandOutcome.Invalid => TypedResults.ValidationProblem(errors),
            CommandOutcome.Conflict => TypedResults.Problem(
                title: "The product was changed by someone else.", statusCode: StatusCodes.Status409Conflict,
                detail: "Reload the product and apply your edit to its current version."),
            _ => TypedResults.Ok((await reads.ByIdAsync(id, ct))!.Detail),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeactivateAsync(Guid id, ProductCommands commands, CancellationToken ct) =>
        await commands.DeactivateAsync(id, ct) == CommandOutcome.NotFound ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task<Results<Created<ProductDetail>, ValidationProblem, NotFound>> UploadImageAsync(
        Guid id, IFormFile? file, IImageStore images, ProductsDbContext db, CatalogCache cache, ProductReads reads, IOptions<ImageOptions> options, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        if (ImageUpload.Check(file, options.Value.MaxBytes) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [problem] });
        }

        await using var content = file!.OpenReadStream();
        var format = await ImageUpload.DetectAsync(content, ct);
        if (format is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["The file is not a PNG, JPEG, GIF or WebP image."] });
        }

        var fileName = await images.SaveAsync(id, format, content, ct);
        var order = await db.ProductImages.CountAsync(i => i.ProductId == id, ct);
        db.ProductImages.Add(new ProductImage { ProductId = id, FileName = fileName, ContentType = format.ContentType, SortOrder = order });
        await db.SaveChangesAsync(ct);
        await cache.InvalidateProductAsync(id);
        return TypedResults.Created(ImageUrls.For(fileName), (await reads.ByIdAsync(id, ct))!.Detail);
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(
        HttpRequest request, ProductImporter importer, ProductsDbContext db, CatalogCache cache, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the file as text/csv."] });
        }

        using var reader = new StreamReader(request.Body);
        var result = await importer.ImportAsync(reader, user.FindFirstValue("sub") ?? "admin", ct);
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(CatalogCache.ListsTag, CatalogCache.LookupsTag);
        return TypedResults.Ok(result);
    }
}
