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
                    : IsProductImage(ctx)
                        ? RateLimitPartition.GetFixedWindowLimiter("images:" + ClientKey(ctx), _ => Window(options.ImagePermitsPerClientPerWindow, options.WindowSeconds))
                        : RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => Window(options.PermitsPerClientPerWindow, options.WindowSeconds))));

            limiter.AnswerWithProblem(TimeSpan.FromSeconds(1), "Too many requests.", seconds => $"Try again in {seconds} s.");
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromSeconds(seconds),
        QueueLimit = 0,
    };

    /// <summary>Signed-in users are limited per account (sub claim); everyone else per remote address.</summary>
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue("sub") is { } sub
            ? "user:" + sub
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>
    /// A product picture (<c>GET /api/products/images/…</c>): an immutable file a browser fetches a dozen of per page,
    /// without the shopper's token (an img tag sends none). Counted in a window of its own, so browsing pictures never
    /// uses up the API allowance a shopper's own calls need, and pictures cannot be fetched without limit either.
    /// </summary>
    private static bool IsProductImage(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.StartsWithSegments("/api/products/images");

    // Probes must never be throttled, or a busy gateway would be restarted for being busy.
    private static bool IsExempt(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath)
        || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);
}
