using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using ECommerce.Orders.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Admin;

/// <summary>Create or replace a promotion; <see cref="Version"/> (from the list) is required to replace one.</summary>
public sealed record SavePromotionRequest(
    string? Description,
    bool? Automatic,
    PromotionKind? Kind,
    decimal? Value,
    decimal? MinimumSpend,
    IReadOnlyList<Guid>? ProductIds,
    IReadOnlyList<string>? CategorySlugs,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    bool? Active,
    uint? Version);

/// <summary>
/// A promotion as the back office sees it, with how often it has been used: <see cref="TimesUsed"/> is the limit counter,
/// raised in the transaction that writes each redemption, so it equals the promotion's rows in the redemptions table.
/// </summary>
public sealed record PromotionView(
    string Code, string Description, bool Automatic, PromotionKind Kind, decimal Value, decimal? MinimumSpend, IReadOnlyList<Guid> ProductIds,
    IReadOnlyList<string> CategorySlugs, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? UsageLimit, int? PerCustomerLimit, int TimesUsed,
    bool Active, uint Version)
{
    public static PromotionView From(Promotion p) => new(p.Code, p.Description, p.Automatic, p.Kind, p.Value, p.MinimumSpend, p.ProductIds,
        p.CategorySlugs, p.StartsAt, p.EndsAt, p.UsageLimit, p.PerCustomerLimit, p.TimesUsed, p.Active, p.Version);
}

/// <summary>The back office's discount codes and automatic promotions: list them with their use, create or replace one. Admins only.</summary>
public static class PromotionEndpoints
{
    public static IEndpointRouteBuilder MapPromotions(this IEndpointRouteBuilder routes)
    {
        var promotions = routes.MapGroup("/api/orders/admin/promotions").WithTags("Promotions (admin)")
            .RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        promotions.MapGet("", List);
        promotions.MapPut("/{code}", Save);
        return routes;
    }

    private static async Task<Ok<List<PromotionView>>> List(OrdersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Promotions.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken)).Select(PromotionView.From).ToList());

    private static async Task<Results<Ok<PromotionView>, Created<PromotionView>, ValidationProblem, Conflict<string>>> Save(
        string code, SavePromotionRequest request, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = Validate(code, request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        code = PromotionStore.Normalise(code);
        var promotion = await db.Promotions.FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        var creating = promotion is null;
        if (promotion is null)
        {
            promotion = new Promotion { Code = code };
            db.Promotions.Add(promotion);
        }
        else if (request.Version is not { } version)
        {
            return ValidationErrors.Problem("version", "version (from the promotion you edited) is required to replace it.");
        }
        else
        {
            db.Entry(promotion).Property(p => p.Version).OriginalValue = version;
        }

        promotion.Description = request.Description!.Trim();
        promotion.Automatic = request.Automatic ?? false;
        promotion.Kind = request.Kind!.Value;
        promotion.Value = request.Value ?? 0;
        promotion.MinimumSpend = request.MinimumSpend;
        promotion.ProductIds = [.. (request.ProductIds ?? []).Distinct()];
        promotion.CategorySlugs = [.. (request.CategorySlugs ?? []).Distinct()];
        promotion.StartsAt = request.StartsAt;
        promotion.EndsAt = request.EndsAt;
        promotion.UsageLimit = request.UsageLimit;
        promotion.PerCustomerLimit = request.PerCustomerLimit;
        promotion.Active = request.Active ?? true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Conflict("Someone else changed or created this promotion; reload it and apply your change again.");
        }

        var view = PromotionView.From(promotion);
        return creating ? TypedResults.Created($"/api/orders/admin/promotions/{code}", view) : TypedResults.Ok(view);
    }

    private static ValidationErrors Validate(string code, SavePromotionRequest r)
    {
        var errors = new ValidationErrors();
        errors.Check(QuoteInput.IsDiscountCode(code), "code", QuoteInput.DiscountCodeRule);
        errors.Text("description", r.Description, required: true, maxLength: 200);
        errors.Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "kind is Percentage, FixedAmount or FreeShipping.");
        errors.Check(r.Kind != PromotionKind.Percentage || r.Value is > 0 and <= 100, "value", "A percentage is above 0 and at most 100.");
        errors.Check(r.Kind != PromotionKind.FixedAmount || r.Value is > 0 and <= 100_000, "value", "A fixed amount is above 0 and at most 100,000.");
        errors.Check(r.MinimumSpend is null or (>= 0 and <= 1_000_000), "minimumSpend", "minimumSpend is between 0 and 1,000,000.");
        errors.Check(r.ProductIds is null || (r.ProductIds.Count <= 500 && !r.ProductIds.Contains(Guid.Empty)), "productIds", "List at most 500 product ids.");
        errors.Check(r.CategorySlugs is null || (r.CategorySlugs.Count <= 100 && r.CategorySlugs.All(IsCategorySlug)), "categorySlugs",
            "List at most 100 category slugs (lowercase letters, digits and dashes, as the catalog spells them).");
        errors.Check(r.StartsAt is null || r.EndsAt is null || r.StartsAt < r.EndsAt, "endsAt", "endsAt is after startsAt.");
        errors.Check(r.UsageLimit is null or (>= 1 and <= 10_000_000), "usageLimit", "usageLimit is at least 1.");
        errors.Check(r.PerCustomerLimit is null or (>= 1 and <= 1000), "perCustomerLimit", "perCustomerLimit is between 1 and 1000.");
        return errors;
    }

    private static bool IsCategorySlug(string? slug) =>
        slug is { Length: > 0 and <= 100 } && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
