using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Catalog;

/// <summary>Admin endpoints for configurable products: families, their options and variants.</summary>
public static class FamilyAdminEndpoints
{
    public static IEndpointRouteBuilder MapFamilyAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products/families").WithTags("Catalog admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapPost("/", CreateAsync).WithName("CreateProductFamily");
        api.MapPost("/{id:guid}/variants", AddVariantAsync).WithName("AddProductVariant");
        api.MapPut("/variants/{id:guid}/options", UpdateOptionsAsync).WithName("UpdateVariantOptions");
        return app;
    }

    private static async Task<Results<Created<FamilyDetail>, ValidationProblem>> CreateAsync(CreateFamilyRequest request, FamilyCommands commands, CancellationToken ct)
    {
        var (family, errors) = await commands.CreateAsync(request, ct);
        return family is null
            ? errors.ToProblem()
            : TypedResults.Created($"/api/products/families/{family.Id}", new FamilyDetail(family.Id, family.Name, family.Slug, family.Options, []));
    }

    private static async Task<Results<Created<ProductDetail>, ValidationProblem, NotFound>> AddVariantAsync(
        Guid id, CreateVariantRequest request, FamilyCommands commands, ProductReads reads, CancellationToken ct)
    {
        var (outcome, variant, errors) = await commands.AddVariantAsync(id, request, ct);
        return outcome switch
        {
            CommandOutcome.NotFound => TypedResults.NotFound(),
            CommandOutcome.Invalid => errors.ToProblem(),
            _ => TypedResults.Created($"/api/products/{variant!.Id}", (await reads.ByIdAsync(variant.Id, ct))!.Detail),
        };
    }

    private static async Task<Results<Ok<ProductDetail>, ValidationProblem, NotFound>> UpdateOptionsAsync(
        Guid id, UpdateVariantOptionsRequest request, FamilyCommands commands, ProductReads reads, CancellationToken ct)
    {
        var (outcome, errors) = await commands.UpdateOptionsAsync(id, request, ct);
        return outcome switch
        {
            CommandOutcome.NotFound => TypedResults.NotFound(),
            CommandOutcome.Invalid => errors.ToProblem(),
            _ => TypedResults.Ok((await reads.ByIdAsync(id, ct))!.Detail),
        };
    }
}
