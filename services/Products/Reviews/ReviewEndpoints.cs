using System.Security.Claims;
using ECommerce.Products.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Reviews;

/// <summary>A product's reviews: the public list (anyone), and the signed-in customer's own review (customer).</summary>
public static class ReviewEndpoints
{
    public const int MaxPageSize = 50;

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products/{id:guid}/reviews").WithTags("Reviews");
        api.MapGet("/", PublicAsync).WithName("GetProductReviews").AllowAnonymous();

        var mine = api.MapGroup("/mine").RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        mine.MapGet("/", MineAsync).WithName("GetMyReview");
        mine.MapPut("/", SaveAsync).WithName("SaveMyReview").RequireRateLimiting(ReviewRateLimiting.Policy);
        mine.MapDelete("/", DeleteAsync).WithName("DeleteMyReview").RequireRateLimiting(ReviewRateLimiting.Policy);
        return app;
    }

    private static async Task<Results<Ok<ReviewPage>, NotFound, ValidationProblem>> PublicAsync(
        Guid id, string? cursor, int? limit, ReviewService reviews, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var take = Paging.Limit(limit, errors, fallback: 10, max: MaxPageSize);
        var after = Paging.Cursor<ReviewPosition>(cursor, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await reviews.PublicPageAsync(id, after, take, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
    }

    private static async Task<Ok<MyReviewState>> MineAsync(Guid id, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.MineAsync(user.FindUserId()!, id, ct));

    private static async Task<Results<Created<MyReview>, Ok<MyReview>, ValidationProblem, NotFound, ProblemHttpResult>> SaveAsync(
        Guid id, ReviewRequest request, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(request.Rating is >= ReviewRules.MinRating and <= ReviewRules.MaxRating,
            "rating", $"rating must be a whole number from {ReviewRules.MinRating} to {ReviewRules.MaxRating}.");
        var title = PlainText(errors, "title", request.Title, ReviewRules.MaxTitleLength);
        var body = PlainText(errors, "body", request.Body, ReviewRules.MaxBodyLength);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var (outcome, review) = await reviews.SaveAsync(user.FindUserId()!, ReviewRules.AuthorName(user.Identity?.Name), id,
            request.Rating!.Value, title!, body!, ct);
        return outcome switch
        {
            ReviewWrite.Created => TypedResults.Created($"/api/products/{id}/reviews/mine", review!),
            ReviewWrite.Updated => TypedResults.Ok(review!),
            ReviewWrite.NoProduct => TypedResults.NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only customers who bought this product can review it.",
                detail: "A review needs a paid order of this product from your account."),
        };
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        await reviews.DeleteMineAsync(user.FindUserId()!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Trimmed, required, at most <paramref name="maxLength"/> characters, and plain text.</summary>
    private static string? PlainText(ValidationErrors errors, string field, string? value, int maxLength)
    {
        var text = errors.Text(field, value, maxLength, required: true);
        if (text is not null && !errors.Has(field))
        {
            errors.Check(ReviewRules.IsPlainText(text), field, $"{field} must be plain text: no control characters.");
        }

        return text;
    }
}
