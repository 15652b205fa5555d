using System.Security.Claims;
using ECommerce.Products.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Reviews;

/// <summary>Back-office moderation (admin only): the queue by status, approve, reject with a reason.</summary>
public static class ReviewAdminEndpoints
{
    public static IEndpointRouteBuilder MapReviewAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products/admin/reviews").WithTags("Reviews admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapGet("/", QueueAsync).WithName("GetReviewQueue");
        api.MapPost("/{reviewId:guid}/approve", ApproveAsync).WithName("ApproveReview");
        api.MapPost("/{reviewId:guid}/reject", RejectAsync).WithName("RejectReview");
        return app;
    }

    private static async Task<Results<Ok<Page<AdminReviewItem>>, ValidationProblem>> QueueAsync(
        string? status, string? cursor, int? limit, ReviewService reviews, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var state = ReviewStatus.Pending;
        errors.Check(status is null || (Enum.TryParse(status, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(status, out _)),
            "status", "status must be Pending, Approved or Rejected.");
        var take = Paging.Limit(limit, errors, fallback: 20, max: ReviewEndpoints.MaxPageSize);
        var after = Paging.Cursor<ReviewPosition>(cursor, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await reviews.QueueAsync(state, after, take, ct));
    }

    private static async Task<Results<Ok<AdminReviewItem>, NotFound>> ApproveAsync(
        Guid reviewId, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        await reviews.ModerateAsync(reviewId, ReviewStatus.Approved, null, user.FindUserId() ?? "unknown", ct) is { } item
            ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static async Task<Results<Ok<AdminReviewItem>, NotFound, ValidationProblem>> RejectAsync(
        Guid reviewId, RejectReviewRequest request, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reason = errors.Text("reason", request.Reason, ReviewRules.MaxReasonLength, required: true);
        if (reason is not null && !errors.Has("reason"))
        {
            errors.Check(ReviewRules.IsPlainText(reason), "reason", "reason must be plain text: no control characters.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await reviews.ModerateAsync(reviewId, ReviewStatus.Rejected, reason, user.FindUserId() ?? "unknown", ct) is { } item
            ? TypedResults.Ok(item) : TypedResults.NotFound();
    }
}
