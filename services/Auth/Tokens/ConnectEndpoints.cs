using ECommerce.Auth.Persistence;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ECommerce.Auth.Tokens;

/// <summary>
/// The protocol endpoints OpenIddict passes through to us: authorize (who is signed in), token (what goes into a
/// token, and whether the account may still have one) and end session. Discovery, JWKS and revocation are OpenIddict's.
/// </summary>
public static class ConnectEndpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult, ForbidHttpResult>> AuthorizeAsync(
        HttpContext http, UserManager<AuthUser> users, SignInManager<AuthUser> signIn, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;

        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this same request after the sign-in page, minus prompt=login so it does not loop.
            var parameters = (http.Request.HasFormContentType ? http.Request.Form.AsEnumerable() : http.Request.Query.AsEnumerable())
                .Where(p => p.Key != Parameters.Prompt)
                .ToList();
            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        // The storefront is first-party (implicit consent), so a signed-in user gets a code straight away.
        return TypedResults.SignIn(await principals.ForUserAsync(user, request.GetScopes()), authenticationScheme: Scheme);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> TokenAsync(
        HttpContext http, UserManager<AuthUser> users, SignInManager<AuthUser> signIn, TokenPrincipals principals,
        IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
            var name = application is null ? null : await applications.GetDisplayNameAsync(application, http.RequestAborted);
            return TypedResults.SignIn(TokenPrincipals.ForClient(request.ClientId!, name, request.GetScopes()), authenticationScheme: Scheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        // The code or refresh token was already validated by OpenIddict (signature, expiry, redemption, revocation);
        // what remains is whether the account may still receive tokens.
        var previous = (await http.AuthenticateAsync(Scheme)).Principal;
        var user = previous?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || previous is null
            || !await signIn.CanSignInAsync(user)
            || await users.IsLockedOutAsync(user)
            || previous.GetClaim(TokenPrincipals.SecurityStampClaim) != await users.GetSecurityStampAsync(user))
        {
            return Forbid(Errors.InvalidGrant, "The token is no longer valid.");
        }

        // Fresh claims (roles may have changed since sign-in), same scopes and the same authorization chain.
        var principal = await principals.ForUserAsync(user, previous.GetScopes());
        principal.SetAuthorizationId(previous.GetAuthorizationId());
        return TypedResults.SignIn(principal, authenticationScheme: Scheme);
    }

    private static async Task<SignOutHttpResult> EndSessionAsync(SignInManager<AuthUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
    }

    private static ForbidHttpResult Forbid(string error, string description) => TypedResults.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [Scheme]);
}
