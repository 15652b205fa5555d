using System.Security.Claims;
using ECommerce.AI.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Apis;

/// <summary>Product views the storefront batches up (at most <see cref="EventsApi.MaxProductsPerPost"/> per post).</summary>
public sealed record ProductViewsRequest(string? VisitorId, IReadOnlyList<Guid>? ProductIds);

/// <summary>POST /api/ai/events/views: product views, from signed-in customers or anonymous visitors.</summary>
public static class EventsApi
{
    public const int MaxProductsPerPost = 20;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
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
        var errors = Validation.Errors();
        // Whose history a view joins comes only from the token; a body's visitor id names an anonymous history, never a customer's.
        var visitor = user.Identity?.IsAuthenticated == true
            ? user.FindFirstValue("sub") is { } sub ? ViewerKey.Customer(sub) : null
            : Validation.IsVisitorId(request.VisitorId) ? ViewerKey.Anonymous(request.VisitorId!) : null;
        if (visitor is null)
        {
            errors["visitorId"] = ["Anonymous visitors must send a visitor id of 8-64 letters, digits, '-' or '_'."];
        }

        if (request.ProductIds is not { Count: > 0 and <= MaxProductsPerPost } ids || ids.Contains(Guid.Empty))
        {
            errors["productIds"] = [$"Between 1 and {MaxProductsPerPost} non-empty product ids."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
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
