namespace ECommerce.Products.Reviews;

/// <summary>Registers the reviews use case (its service and per-customer write limit).</summary>
public static class ReviewsSetup
{
    public static IHostApplicationBuilder AddReviews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddReviewRateLimiting();
        return builder;
    }

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app) =>
        app.MapReviewEndpoints().MapReviewAdminEndpoints();
}
