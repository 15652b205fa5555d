using System.Security.Claims;
using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Views;

/// <summary>Product views the storefront batches up (at most <see cref="ViewEndpoints.MaxProductsPerPost"/> per post).</summary>
public sealed record ProductViewsRequest(string? VisitorId, IReadOnlyList<Guid>? ProductIds);

/// <summary>POST /api/ai/events/views: product views, from signed-in customers or anonymous visitors.</summary>
public static class ViewEndpoints
{
    public const int MaxProductsPerPost = 20;

    public static IEndpointRouteBuilder MapViewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ai/events/views", RecordViews).WithTags("Events").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Rate-conscious: the storefront sends batches, and a view of the same product by the same visitor in the same hour
    /// is one row (ON CONFLICT DO NOTHING on a unique key), so reloading a page writes nothing new.
    /// </summary>
    private static async Task<Results<Accepted, ValidationProblem>> RecordViews(
        ProductViewsRequest request, ClaimsPrincipal user, AiDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        // Whose history a view joins comes only from the token; a body's visitor id names an anonymous history, never a customer's.
        var visitor = user.Identity?.IsAuthenticated == true
            ? user.FindUserId() is { } sub ? ViewerKey.Customer(sub) : null
            : ViewerKey.IsVisitorId(request.VisitorId) ? ViewerKey.Anonymous(request.VisitorId!) : null;
        errors.Check(visitor is not null, "visitorId", "Anonymous visitors must send a visitor id of 8-64 letters, digits, '-' or '_'.");
        errors.Check(request.ProductIds is { Count: > 0 and <= MaxProductsPerPost } ids && !ids.Contains(Guid.Empty),
            "productIds", $"Between 1 and {MaxProductsPerPost} non-empty product ids.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        foreach (var productId in request.ProductIds!.Distinct())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO product_views ("VisitorId", "ProductId", "ViewedAt", "Hour") VALUES ({visitor}, {productId}, {now}, {hour})
                ON CONFLICT ("VisitorId", "ProductId", "Hour") DO NOTHING
                """, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}
