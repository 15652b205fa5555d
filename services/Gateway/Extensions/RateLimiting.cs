using System.Security.Claims;
using System.Threading.RateLimiting;

namespace ECommerce.Gateway.Extensions;

/// <summary>Global and per-client rate limits; rejections are 429 problem details with Retry-After.</summary>
internal static class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, GatewayOptions.RateLimitingOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter("global",
                    _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.GlobalConcurrentRequests,
                        QueueLimit = options.GlobalQueueLength,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsExempt(ctx)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitsPerClientPerWindow,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = 0,
                    })));

            limiter.AnswerWithProblem(TimeSpan.FromSeconds(1), "Too many requests.", seconds => $"Try again in {seconds} s.");
        });
        return services;
    }

    /// <summary>Signed-in users are limited per account (sub claim); everyone else per remote address.</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue("sub") is { } sub
            ? "user:" + sub
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    // Probes must never be throttled, or a busy gateway would be restarted for being busy.
    private static bool IsExempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath)
        || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);
}
