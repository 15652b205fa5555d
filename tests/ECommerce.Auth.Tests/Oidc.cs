using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Auth.Tests;

public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
{
    public string AccessToken => Body.GetProperty("access_token").GetString()!;

    public string RefreshToken => Body.GetProperty("refresh_token").GetString()!;

    public string? Error => Body.TryGetProperty("error", out var error) ? error.GetString() : null;
}

/// <summary>The storefront's side of the protocol: authorization code with PKCE through the sign-in form, refresh, revoke.</summary>
public static class Oidc
{
    public const string Scopes = "openid profile email roles offline_access api";

    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(AuthFixture auth, string challenge, string state) => QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = "storefront",
        ["response_type"] = "code",
        ["redirect_uri"] = auth.RedirectUri,
        ["scope"] = Scopes,
        ["state"] = state,
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    });

    /// <summary>Starts at /connect/authorize, signs in on the form, and returns the code the redirect carried.</summary>
    public static async Task<string> SignInForCodeAsync(AuthFixture auth, Browser browser, string email, string password, string challenge, CancellationToken ct)
    {
        var state = Guid.NewGuid().ToString("N");
        var loginPage = await browser.FollowAsync(await browser.GetAsync(AuthorizeUrl(auth, challenge, state), ct), ct);
        Assert.Equal(HttpStatusCode.OK, loginPage.StatusCode);
        Assert.Equal("/account/login", loginPage.RequestMessage!.RequestUri!.AbsolutePath);

        var posted = await browser.SubmitAsync(await loginPage.Content.ReadAsStringAsync(ct), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password }, ct);
        Assert.True(Browser.IsRedirect(posted), $"Sign-in answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync(ct)}");
        var callback = await browser.FollowAsync(posted, ct);

        var location = Browser.Location(callback);
        Assert.StartsWith(auth.RedirectUri, location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(state, query["state"].ToString());
        return query["code"].ToString();
    }

    public static async Task<TokenResponse> SignInAsync(AuthFixture auth, Browser browser, string email, string password, CancellationToken ct)
    {
        var (verifier, challenge) = NewPkce();
        var code = await SignInForCodeAsync(auth, browser, email, password, challenge, ct);
        return await RedeemAsync(auth, code, verifier, ct);
    }

    public static Task<TokenResponse> RedeemAsync(AuthFixture auth, string code, string verifier, CancellationToken ct) =>
        TokenRequestAsync(auth, new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "storefront",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = auth.RedirectUri,
        }, ct);

    public static Task<TokenResponse> RefreshAsync(AuthFixture auth, string refreshToken, CancellationToken ct) =>
        TokenRequestAsync(auth, new() { ["grant_type"] = "refresh_token", ["client_id"] = "storefront", ["refresh_token"] = refreshToken }, ct);

    public static async Task<TokenResponse> TokenRequestAsync(AuthFixture auth, Dictionary<string, string> form, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form), ct);
        return new TokenResponse(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(ct));
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(AuthFixture auth, string path, string token, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request, ct);
    }
}
