namespace ECommerce.Auth.Tests;

/// <summary>
/// The storefront's side of the protocol against this project's Auth fixture: the shared <see cref="CodeFlow"/> with the
/// fixture's redirect URI and a fresh API client per call.
/// </summary>
public static class Oidc
{
    public static (string Verifier, string Challenge) NewPkce() => CodeFlow.NewPkce();

    public static string AuthorizeUrl(AuthFixture auth, string challenge, string state) => CodeFlow.AuthorizeUrl(auth.RedirectUri, challenge, state);

    /// <summary>Starts at /connect/authorize, signs in on the form, and returns the code the redirect carried.</summary>
    public static Task<string> SignInForCodeAsync(AuthFixture auth, Browser browser, string email, string password, string challenge, CancellationToken ct) =>
        CodeFlow.SignInForCodeAsync(browser, auth.RedirectUri, email, password, challenge, ct);

    public static async Task<TokenResponse> SignInAsync(AuthFixture auth, Browser browser, string email, string password, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        return await CodeFlow.SignInAsync(browser, client, auth.RedirectUri, email, password, ct);
    }

    public static async Task<TokenResponse> RedeemAsync(AuthFixture auth, string code, string verifier, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        return await CodeFlow.RedeemAsync(client, auth.RedirectUri, code, verifier, ct);
    }

    public static Task<TokenResponse> RefreshAsync(AuthFixture auth, string refreshToken, CancellationToken ct) =>
        TokenRequestAsync(auth, new() { ["grant_type"] = "refresh_token", ["client_id"] = CodeFlow.ClientId, ["refresh_token"] = refreshToken }, ct);

    public static async Task<TokenResponse> TokenRequestAsync(AuthFixture auth, Dictionary<string, string> form, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        return await CodeFlow.TokenRequestAsync(client, form, ct);
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(AuthFixture auth, string path, string token, CancellationToken ct)
    {
        using var client = auth.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request, ct);
    }
}
