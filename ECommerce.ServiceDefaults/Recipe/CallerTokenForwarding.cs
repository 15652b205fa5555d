using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Calls made on behalf of the shopper carry the shopper's own token, so the service called applies its own rules to
/// the same caller (Users answers only the caller's addresses). Add it to a typed client:
/// <c>services.AddHttpClient&lt;UsersClient&gt;().ForwardCallerToken()</c>; the client code never sees a token.
/// </summary>
public static class CallerTokenForwardingExtensions
{
    public static IHttpClientBuilder ForwardCallerToken(this IHttpClientBuilder http)
    {
        http.Services.AddHttpContextAccessor();
        http.Services.AddTransient<CallerTokenHandler>();
        return http.AddHttpMessageHandler<CallerTokenHandler>();
    }
}

/// <summary>Copies the incoming request's Authorization header onto the outgoing call, when there is one and the call has none.</summary>
internal sealed class CallerTokenHandler(IHttpContextAccessor context) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null
            && context.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
