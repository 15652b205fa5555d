using ECommerce.Orders.Carts;
using ECommerce.Orders.Clients;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Orders.Extensions;

/// <summary>
/// Failures that are nobody's mistake and worth a retry, as problem details instead of a 500: 503 with Retry-After when
/// Products, Users or the cart store (Redis) could not be reached, 409 when a cart stayed contended.
/// </summary>
public sealed class RetryableFailureHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DependencyUnavailableException => (StatusCodes.Status503ServiceUnavailable, "A service this request depends on is unavailable."),
            // Redis (the carts) restarting or unreachable: the fault run saw these answered 500.
            StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException =>
                (StatusCodes.Status503ServiceUnavailable, "The cart store is unavailable."),
            CartBusyException => (StatusCodes.Status409Conflict, "The cart is being changed by another request."),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            // A Redis message names hosts and ports: only our own exceptions' messages are shown.
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception is StackExchange.Redis.RedisException or StackExchange.Redis.RedisTimeoutException ? null : exception.Message },
        });
    }
}
