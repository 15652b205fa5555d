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
            await RetryLaterAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, seconds, title, detail(seconds));
        };
    }

    /// <summary>
    /// A refusal that did nothing and can be repeated: the status, <c>Retry-After</c> in whole seconds and problem details.
    /// Rate limits answer 429 with it; overload shedding (<c>OverloadShedding</c>) 503.
    /// </summary>
    public static Task RetryLaterAsync(HttpContext http, int status, int seconds, string title, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
