using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Finds whose cart a request means: the signed-in customer's (from <c>sub</c>), else the anonymous cart named by the
/// <c>X-Cart-Id</c> header or the <c>cart_id</c> cookie, else (when the request is about to write) a new anonymous one.
/// </summary>
public static class CartOwnerResolver
{
    public const string HeaderName = "X-Cart-Id";
    public const string CookieName = "cart_id";

    public static CartOwner? Resolve(HttpContext context, bool createAnonymous)
    {
        if (context.User.FindUserId() is { } customerId)
        {
            return CartOwner.Customer(customerId);
        }

        var anonymousId = AnonymousId(context);
        if (anonymousId is null && !createAnonymous)
        {
            return null;
        }

        anonymousId ??= CartOwner.NewAnonymousId();
        Remember(context, anonymousId);
        return CartOwner.Anonymous(anonymousId);
    }

    /// <summary>The anonymous cart's id the request carries, if it is one this service could have issued.</summary>
    public static string? AnonymousId(HttpContext context)
    {
        var candidate = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Cookies[CookieName];
        return CartOwner.IsValidAnonymousId(candidate) ? candidate : null;
    }

    public static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/api/orders" });

    private static void Remember(HttpContext context, string anonymousId)
    {
        context.Response.Headers[HeaderName] = anonymousId;
        context.Response.Cookies.Append(CookieName, anonymousId, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/api/orders",
            MaxAge = TimeSpan.FromDays(30),
            IsEssential = true,
        });
    }
}
