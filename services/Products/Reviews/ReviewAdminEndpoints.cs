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

    private static async Task<Results<Ok<AdminReviewPage>, ValidationProblem>> QueueAsync(
        string? status, string? page, string? pageSize, ReviewService reviews, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var state = ReviewStatus.Pending;
        errors.Check(status is null || (Enum.TryParse(status, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(status, out _)),
            "status", "status must be Pending, Approved or Rejected.");
        var number = Paging.Parse(errors, "page", page, 1, 1, 10_000);
        var size = Paging.Parse(errors, "pageSize", pageSize, 20, 1, ReviewEndpoints.MaxPageSize);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await reviews.QueueAsync(state, number, size, ct));
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
