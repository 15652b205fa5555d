using ECommerce.Products.Domain;
using ECommerce.Products.Images;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Products.Catalog;

/// <summary>Admin catalog changes: create, update (optimistic concurrency), deactivate, image uploads and alt texts.</summary>
public static class ProductAdminEndpoints
{
    public static IEndpointRouteBuilder MapProductAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Catalog admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapPost("/", CreateAsync).WithName("CreateProduct");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateProduct");
        api.MapDelete("/{id:guid}", DeactivateAsync).WithName("DeactivateProduct");
        // Bearer-token callers only, so no antiforgery token: a browser cannot attach the header cross-site.
        api.MapPost("/{id:guid}/images", UploadImageAsync).WithName("UploadProductImage").DisableAntiforgery();
        api.MapPut("/{id:guid}/images/{imageId:guid}", UpdateImageAsync).WithName("UpdateProductImage");
        return app;
    }

    private static async Task<Results<Created<ProductDetail>, ValidationProblem>> CreateAsync(CreateProductRequest request, ProductCommands commands, ProductReads reads, CancellationToken ct)
    {
        var (outcome, product, errors) = await commands.CreateAsync(request, ct);
        if (outcome != CommandOutcome.Done)
        {
            return errors.ToProblem();
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
            CommandOutcome.Invalid => errors.ToProblem(),
            CommandOutcome.Conflict => TypedResults.Problem(
                title: "The product was changed by someone else.", statusCode: StatusCodes.Status409Conflict,
                detail: "Reload the product and apply your edit to its current version."),
            _ => TypedResults.Ok((await reads.ByIdAsync(id, ct))!.Detail),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeactivateAsync(Guid id, ProductCommands commands, CancellationToken ct) =>
        await commands.DeactivateAsync(id, ct) == CommandOutcome.NotFound ? TypedResults.NotFound() : TypedResults.NoContent();

    private static async Task<Results<Created<ProductDetail>, ValidationProblem, NotFound>> UploadImageAsync(
        Guid id, IFormFile? file, [FromForm] string? alt, ImageUploads uploads, ProductReads reads, CancellationToken ct)
    {
        // The alt text is checked before the file, so a bad one costs no decoding.
        var errors = new ValidationErrors();
        var text = ImageAlt.Check(errors, alt);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var outcome = await uploads.UploadAsync(id, file, text, ct);
        if (!outcome.ProductFound)
        {
            return TypedResults.NotFound();
        }

        return outcome.Problem is { } problem
            ? ValidationErrors.Problem("file", problem)
            : TypedResults.Created(ImageUrls.For(outcome.Key!), (await reads.ByIdAsync(id, ct))!.Detail);
    }

    /// <summary>Sets or clears one image's alt text (what a screen reader says for it; the product's name when none).</summary>
    private static async Task<Results<Ok<ProductDetail>, ValidationProblem, NotFound>> UpdateImageAsync(
        Guid id, Guid imageId, UpdateImageRequest request, ImageUploads uploads, ProductReads reads, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var alt = ImageAlt.Check(errors, request.Alt);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await uploads.SetAltAsync(id, imageId, alt, ct)
            ? TypedResults.Ok((await reads.ByIdAsync(id, ct))!.Detail)
            : TypedResults.NotFound();
    }
}
