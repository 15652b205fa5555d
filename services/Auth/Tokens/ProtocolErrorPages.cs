using ECommerce.Auth.Html;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;

namespace ECommerce.Auth.Tokens;

/// <summary>
/// A readable page for authorization and end-session errors that cannot go back to the client (unknown client_id, a
/// redirect_uri that is not registered, a bad PKCE method): RFC 6749 §4.1.2.1 forbids redirecting those, and without
/// this page the browser got a problem document that said only "Bad Request".
/// </summary>
public static class ProtocolErrorPages
{
    /// <summary>Call after UseDefaultProblemDetails: this renders OpenIddict's errors, the default renders the rest.</summary>
    public static IApplicationBuilder UseProtocolErrorPages(this IApplicationBuilder app) => app.UseStatusCodePages(async (StatusCodeContext context) =>
    {
        // Set when OpenIddict rejected the request itself (status-code-pages integration leaves the body to us).
        if (context.HttpContext.GetOpenIddictServerResponse() is not { Error: { Length: > 0 } error } response)
        {
            return;
        }

        await new HtmlPage("Sign-in could not start")
            .Paragraph("The application that sent you here made a request this sign-in service cannot accept, so you were not sent back to it.")
            .Paragraph($"{error}: {response.ErrorDescription}", role: "alert")
            .Paragraph("Go back to the shop and try again; if it happens again, the shop's sign-in settings need fixing.")
            .ToResult(context.HttpContext.Response.StatusCode)
            .ExecuteAsync(context.HttpContext);
    });
}
