using ECommerce.Products.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Catalog;

/// <summary>
/// Admin endpoints for configurable products: families, their options and variants. The back office's reads come from
/// the database, never the shoppers' cache, and include inactive variants.
/// </summary>
public static class FamilyAdminEndpoints
{
    public static IEndpointRouteBuilder MapFamilyAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products/families").WithTags("Catalog admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapGet("/", ListAsync).WithName("ListProductFamilies");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetProductFamily");
        api.MapPost("/", CreateAsync).WithName("CreateProductFamily");
        api.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateProductFamily");
        api.MapPut("/{id:guid}/options", UpdateFamilyOptionsAsync).WithName("UpdateProductFamilyOptions");
        api.MapPost("/{id:guid}/variants", AddVariantAsync).WithName("AddProductVariant");
        api.MapPut("/variants/{id:guid}/options", UpdateOptionsAsync).WithName("UpdateVariantOptions");
        api.MapPut("/variants/{id:guid}/active", SetActiveAsync).WithName("SetVariantActive");
        return app;
    }

    public const int MaxPageSize = 100;

    private static async Task<Results<Ok<Page<AdminFamilySummary>>, ValidationProblem>> ListAsync(
        string? q, string? cursor, int? limit, ProductsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(q is null || q.Length <= 100, "q", "q is at most 100 characters.");
        var take = Paging.Limit(limit, errors, fallback: 50, max: MaxPageSize);
        var after = Paging.Cursor<FamilyPosition>(cursor, errors);
        return errors.HasErrors ? errors.ToProblem() : TypedResults.Ok(await FamilyAdminReads.ListAsync(db, q, after, take, ct));
    }

    private static async Task<Results<Ok<AdminFamilyDetail>, NotFound>> GetAsync(Guid id, ProductsDbContext db, CancellationToken ct) =>
        await FamilyAdminReads.DetailAsync(db, id, ct) is { } family ? TypedResults.Ok(family) : TypedResults.NotFound();

    private static async Task<Results<Ok<AdminFamilyDetail>, ValidationProblem, NotFound>> UpdateAsync(
        Guid id, UpdateFamilyRequest request, FamilyEdits edits, ProductsDbContext db, CancellationToken ct) =>
        await DetailOrProblemAsync(await edits.UpdateAsync(id, request, ct), id, db, ct);

    private static async Task<Results<Ok<AdminFamilyDetail>, ValidationProblem, NotFound>> UpdateFamilyOptionsAsync(
        Guid id, UpdateFamilyOptionsRequest request, FamilyEdits edits, ProductsDbContext db, CancellationToken ct) =>
        await DetailOrProblemAsync(await edits.UpdateOptionsAsync(id, request, ct), id, db, ct);

    private static async Task<Results<Ok<AdminFamilyDetail>, ValidationProblem, NotFound>> SetActiveAsync(
        Guid id, VariantActiveRequest request, FamilyEdits edits, ProductsDbContext db, CancellationToken ct)
    {
        var (outcome, familyId, errors) = await edits.SetActiveAsync(id, request, ct);
        return await DetailOrProblemAsync((outcome, errors), familyId ?? Guid.Empty, db, ct);
    }

    private static async Task<Results<Ok<AdminFamilyDetail>, ValidationProblem, NotFound>> DetailOrProblemAsync(
        (CommandOutcome Outcome, ValidationErrors Errors) result, Guid familyId, ProductsDbContext db, CancellationToken ct) =>
        result.Outcome switch
        {
            CommandOutcome.NotFound => TypedResults.NotFound(),
            CommandOutcome.Invalid => result.Errors.ToProblem(),
            _ => TypedResults.Ok((await FamilyAdminReads.DetailAsync(db, familyId, ct))!),
        };

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
