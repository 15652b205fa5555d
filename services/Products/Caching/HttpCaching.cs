using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ECommerce.Products.Caching;

/// <summary>Response caching headers: public for anonymous callers so the gateway or a CDN may keep them, private otherwise.</summary>
internal static class HttpCaching
{
    public static void MarkCacheable(HttpContext context)
    {
        var maxAge = context.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value.PublicMaxAgeSeconds;
        var anonymous = !context.Request.Headers.ContainsKey(HeaderNames.Authorization);
        context.Response.Headers.CacheControl = anonymous ? $"public, max-age={maxAge}" : "private, no-cache";
        context.Response.Headers.Vary = HeaderNames.Authorization;
    }

    /// <summary>True when the caller already holds this version (If-None-Match matches), so a 304 is the answer.</summary>
    public static bool NotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Length > 0
            && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => t.Trim().TrimStart('W', '/') == etag));
    }
}
