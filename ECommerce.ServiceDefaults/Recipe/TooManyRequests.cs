using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one answer to a request a rate limiter refused: 429 problem details with Retry-After (whole seconds, at least 1,
/// from the limiter's lease, else <c>fallback</c>), so the gateway and every service say it the same way.
/// </summary>
public static class TooManyRequests
{
    /// <summary>Sets the rejection status and an <c>OnRejected</c> that writes the problem; the detail gets the seconds to wait.</summary>
    public static void AnswerWithProblem(this RateLimiterOptions limiter, TimeSpan fallback, string title, Func<int, string> detail)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
            var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail(seconds) },
            });
        };
    }
}
