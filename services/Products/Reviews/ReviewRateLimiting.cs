using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ECommerce.Products.Reviews;

/// <summary>
/// Review writes (create, edit, delete) are limited per signed-in customer (their user id, not their address, so a
/// shared office address is not one bucket): a fixed window, no queue, and the shared 429 problem with Retry-After.
/// </summary>
public static class ReviewRateLimiting
{
    public const string Policy = "review-writes";

    public static IServiceCollection AddReviewRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<ReviewLimits>().BindConfiguration(ReviewLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ReviewLimits>>().Value;
                // The endpoints require a customer, so an anonymous caller never reaches the limiter with no id.
                var customer = context.User.FindUserId() ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(customer, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.WritesPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.AnswerWithProblem(TimeSpan.FromMinutes(1), "Too many review changes.",
                seconds => $"Your review was not saved. Try again in {seconds} s.");
        });
        return services;
    }
}

/// <summary>How many review writes a customer may make per window (section <c>Products:Reviews</c>).</summary>
public sealed class ReviewLimits
{
    public const string SectionName = "Products:Reviews";

    [Range(1, 10_000)]
    public int WritesPerWindow { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 600;
}
