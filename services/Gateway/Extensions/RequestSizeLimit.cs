using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Extensions;

/// <summary>
/// Refuses a declared body over the limit before it is read or proxied, with a 413 problem; Kestrel's own limit
/// (set from the same option) still stops chunked bodies that grow past it while streaming.
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"Bodies are limited to {limit} bytes.",
                },
            });
            return;
        }

        await next(context);
    });
}
