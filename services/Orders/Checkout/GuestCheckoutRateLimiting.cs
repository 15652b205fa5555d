using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Anonymous checkout is limited per client address (<see cref="GuestCheckoutLimits"/>): a fixed window, no queue, and
/// a 429 problem with Retry-After beyond it. The address is the one the gateway forwards (the last X-Forwarded-For
/// entry, which the gateway sets; Orders is reachable only through it), else the connection's.
/// </summary>
public static class GuestCheckoutRateLimiting
{
    public const string Policy = "guest-checkout";

    public static IServiceCollection AddGuestCheckoutRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<GuestCheckoutLimits>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.AnswerWithProblem(TimeSpan.FromMinutes(1), "Too many checkout attempts from this address.",
                seconds => $"Nothing was ordered or charged. Try again in {seconds} s, or sign in to check out.");
        });
        return services;
    }

    public static string ClientAddress(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
