using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Testing.Oidc;

/// <summary>The token endpoint's answer: tokens, or an OAuth error.</summary>
public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string AccessToken => Body.GetProperty("access_token").GetString()!;

    public string RefreshToken => Body.GetProperty("refresh_token").GetString()!;

    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
}

/// <summary>
/// The storefront's side of the Auth service's protocol, as a browser does it: authorization code with PKCE through the
/// sign-in form, then the code redeemed at the token endpoint. Works against Auth itself or through the gateway.
/// Unexpected hops throw <see cref="InvalidOperationException"/> naming what came back.
/// </summary>
public static class CodeFlow
{
    public const string ClientId = "storefront";
    public const string Scopes = "openid profile email roles offline_access api";

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string redirectUri, string challenge, string state) => QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = ClientId,
        ["response_type"] = "code",
        ["redirect_uri"] = redirectUri,
        ["scope"] = Scopes,
        ["state"] = state,
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    });

    /// <summary>Starts at /connect/authorize, signs in on the form, and returns the code the redirect to <paramref name="redirectUri"/> carried.</summary>
    public static async Task<string> SignInForCodeAsync(Browser browser, string redirectUri, string email, string password, string challenge, CancellationToken ct)
    {
        var state = Guid.NewGuid().ToString("N");
        using var loginPage = await browser.FollowAsync(await browser.GetAsync(AuthorizeUrl(redirectUri, challenge, state), ct), ct);
        if (loginPage.StatusCode != HttpStatusCode.OK || loginPage.RequestMessage?.RequestUri?.AbsolutePath != "/account/login")
        {
            throw new InvalidOperationException($"Authorize led to {(int)loginPage.StatusCode} at {loginPage.RequestMessage?.RequestUri}, not the sign-in page.");
        }

        using var posted = await browser.SubmitAsync(await loginPage.Content.ReadAsStringAsync(ct), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password }, ct);
        if (!Browser.IsRedirect(posted))
        {
            throw new InvalidOperationException($"Sign-in answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync(ct)}");
        }

        using var callback = await browser.FollowAsync(posted, ct);
        var location = Browser.Location(callback);
        if (!location.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in ended at {location}, not at {redirectUri}.");
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        if (query["state"] != state)
        {
            throw new InvalidOperationException($"The callback carried state '{query["state"]}', not '{state}'.");
        }

        return query["code"].ToString();
    }

    /// <summary>The whole flow: PKCE pair, sign-in for a code, and the code redeemed through <paramref name="tokenClient"/>.</summary>
    public static async Task<TokenResponse> SignInAsync(Browser browser, HttpClient tokenClient, string redirectUri, string email, string password, CancellationToken ct)
    {
        var (verifier, challenge) = NewPkce();
        var code = await SignInForCodeAsync(browser, redirectUri, email, password, challenge, ct);
        return await RedeemAsync(tokenClient, redirectUri, code, verifier, ct);
    }

    public static Task<TokenResponse> RedeemAsync(HttpClient tokenClient, string redirectUri, string code, string verifier, CancellationToken ct) =>
        TokenRequestAsync(tokenClient, new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        }, ct);

    public static async Task<TokenResponse> TokenRequestAsync(HttpClient tokenClient, Dictionary<string, string> form, CancellationToken ct)
    {
        using var response = await tokenClient.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
        return new TokenResponse(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct));
    }
}
