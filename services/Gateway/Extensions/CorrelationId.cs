using System.Diagnostics;

namespace ECommerce.Gateway.Extensions;

/// <summary>
/// Every request gets an <c>X-Correlation-Id</c> (the caller's, if it is sane, else the trace id), echoed on the
/// response and forwarded downstream; W3C trace context is forwarded by the proxy's HTTP client instrumentation.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = IsSane(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Request.Headers[HeaderName] = id;
        context.Response.Headers[HeaderName] = id;
        Activity.Current?.SetTag("correlation.id", id);
        await next(context);
    });

    // Callers may pick their own id, but not a megabyte of header or control characters.
    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
