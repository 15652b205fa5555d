using System.Security.Claims;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.AI.Recommendations;

/// <summary>"Bought together", "recommended for you" and "similar products".</summary>
public static class RecommendationEndpoints
{
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ai").WithTags("Recommendations");
        group.MapGet("/recommendations/bought-together/{productId}", BoughtTogether).AllowAnonymous();
        group.MapGet("/recommendations/for-me", ForMe).AllowAnonymous();
        group.MapGet("/similar/{productId}", Similar).AllowAnonymous();
        return app;
    }

    private static Task<Results<Ok<RecommendationList>, ValidationProblem>> BoughtTogether(
        string productId, int? limit, ModelHolder models, PopularityFallback fallback, CancellationToken cancellationToken) =>
        ItemToItem(productId, limit, models, fallback, (engine, id, k) => engine.BoughtTogether(id, k), cancellationToken);

    private static Task<Results<Ok<RecommendationList>, ValidationProblem>> Similar(
        string productId, int? limit, ModelHolder models, PopularityFallback fallback, CancellationToken cancellationToken) =>
        ItemToItem(productId, limit, models, fallback, (engine, id, k) => engine.Similar(id, k), cancellationToken);

    private static async Task<Results<Ok<RecommendationList>, ValidationProblem>> ItemToItem(
        string productId, int? limit, ModelHolder models, PopularityFallback fallback,
        Func<RecommenderEngine, Guid, int, IReadOnlyList<ScoredItem>> recommend, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var id = RecommendationQuery.ProductId(productId, errors);
        var k = RecommendationQuery.Limit(limit, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var current = models.Current;
        if (current.Recommender is { } engine)
        {
            var items = recommend(engine, id!.Value, k);
            // An unknown or unlinked product still gets a list: the model's best-sellers.
            return TypedResults.Ok(items.Count > 0
                ? new RecommendationList("model", current.RecommenderVersion, [.. items.Select(Map)])
                : new RecommendationList("popular", current.RecommenderVersion, [.. engine.Popular([], k, new HashSet<Guid> { id.Value }).Select(Map)]));
        }

        return TypedResults.Ok(await FallbackAsync(fallback, k, id, cancellationToken));
    }

    private static async Task<Results<Ok<RecommendationList>, ValidationProblem>> ForMe(
        int? limit, string? visitorId, ClaimsPrincipal user, ModelHolder models, PopularityFallback fallback,
        HistoryReader histories, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var k = RecommendationQuery.Limit(limit, errors);
        var customerId = user.FindUserId();
        errors.Check(customerId is not null || visitorId is null || ViewerKey.IsVisitorId(visitorId), "visitorId", "Must be 8-64 letters, digits, '-' or '_'.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var current = models.Current;
        if (current.Recommender is not { } engine)
        {
            return TypedResults.Ok(await FallbackAsync(fallback, k, null, cancellationToken));
        }

        var purchases = customerId is null ? [] : await histories.PurchasesAsync(customerId, cancellationToken);
        if (purchases.Count > 0)
        {
            var ranked = engine.ForCustomer(purchases, time.GetUtcNow(), k);
            return TypedResults.Ok(new RecommendationList("model", current.RecommenderVersion, [.. ranked.Select(Map)]));
        }

        // Cold start: best-sellers of the categories this visitor looked at, else of the whole store.
        var viewer = customerId is not null ? ViewerKey.Customer(customerId) : visitorId is not null ? ViewerKey.Anonymous(visitorId) : null;
        var views = viewer is null ? [] : await histories.ViewsAsync(viewer, cancellationToken);
        var popular = engine.Popular(engine.CategoriesOf(views), k);
        return TypedResults.Ok(new RecommendationList("popular", current.RecommenderVersion, [.. popular.Select(Map)]));
    }

    private static async Task<RecommendationList> FallbackAsync(PopularityFallback fallback, int k, Guid? except, CancellationToken cancellationToken) =>
        new("fallback", 0, [.. (await fallback.TopAsync(k, except, cancellationToken)).Select((id, rank) => new RecommendedProduct(id, 1.0 / (rank + 1)))]);

    private static RecommendedProduct Map(ScoredItem item) => new(item.ProductId, Math.Round(item.Score, 5));
}
