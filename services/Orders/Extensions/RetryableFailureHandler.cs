using ECommerce.Orders.Carts;
using ECommerce.Orders.Clients;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Orders.Extensions;

/// <summary>
/// Failures that are nobody's mistake and worth a retry, as problem details instead of a 500: 503 with Retry-After when
/// Products or Users could not be reached, 409 when a cart stayed contended.
/// </summary>
public sealed class RetryableFailureHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DependencyUnavailableException => (StatusCodes.Status503ServiceUnavailable, "A service this request depends on is unavailable."),
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
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
