using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Another service could not answer (down, timed out, circuit open): nobody's mistake and worth a retry, so the request
/// is answered 503 with Retry-After (<see cref="DependencyUnavailableHandler"/>, registered with the problem details), never 500.
/// </summary>
public sealed class DependencyUnavailableException(string service, Exception inner)
    : Exception($"The {service} service is unavailable.", inner)
{
    public string Service { get; } = service;

    /// <summary>Runs a call and turns its transport failures into <see cref="DependencyUnavailableException"/>.</summary>
    public static async Task<T> Guard<T>(string service, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or Polly.ExecutionRejectedException or System.Text.Json.JsonException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DependencyUnavailableException(service, e);
        }
    }
}

/// <summary>Writes <see cref="DependencyUnavailableException"/> as a 503 problem with Retry-After.</summary>
internal sealed class DependencyUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DependencyUnavailableException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request depends on is unavailable.",
                Detail = exception.Message,
            },
        });
    }
}
