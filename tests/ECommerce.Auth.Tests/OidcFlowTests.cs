using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ECommerce.Auth.Tests;

/// <summary>The storefront's whole protocol against the running Auth service: code + PKCE, refresh, revocation, client credentials.</summary>
public class OidcFlowTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Code_flow_with_pkce_signs_in_through_the_form_and_issues_a_plain_RS256_token_with_the_agreed_claims()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();

        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(auth.Issuer, jwt.Issuer);
        Assert.Equal(["ecommerce-api"], jwt.Audiences);
        Assert.Equal(user.Id, jwt.Subject);
        Assert.Equal(user.Email, jwt.GetClaim("email").Value);
        Assert.Equal(user.DisplayName, jwt.GetClaim("name").Value);
        Assert.Equal(["customer"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "stamp");

        using var me = await Oidc.GetWithTokenAsync(auth, "/api/auth/me", tokens.AccessToken, Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_is_refused()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var (_, challenge) = Oidc.NewPkce();
        var code = await Oidc.SignInForCodeAsync(auth, browser, user.Email, user.Password, challenge, Ct);

        var tokens = await Oidc.RedeemAsync(auth, code, Oidc.NewPkce().Verifier, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, tokens.Status);
        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task Authorize_without_a_code_challenge_is_refused()
    {
        using var browser = auth.NewBrowser();
        var url = Oidc.AuthorizeUrl(auth, "x", "s").Replace("&code_challenge=x&code_challenge_method=S256", "", StringComparison.Ordinal);

        using var response = await browser.GetAsync(url, Ct);

        // PKCE is mandatory for the storefront: no sign-in page, no code, just the protocol error.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_with_the_plain_code_challenge_method_is_refused_and_discovery_offers_only_S256()
    {
        using var browser = auth.NewBrowser();
        var (verifier, _) = Oidc.NewPkce();
        var url = Oidc.AuthorizeUrl(auth, verifier, "s").Replace("code_challenge_method=S256", "code_challenge_method=plain", StringComparison.Ordinal);

        using var response = await browser.GetAsync(url, Ct);

        // No sign-in page: with "plain" the challenge is the verifier, readable by anyone who sees the URL.
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var refused = Browser.IsRedirect(response) ? Browser.Location(response).Query : await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("invalid_request", refused, StringComparison.Ordinal);
        using var client = auth.NewApiClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Authorize_for_an_unknown_client_answers_a_readable_page_naming_the_error()
    {
        using var browser = auth.NewBrowser();
        var url = Oidc.AuthorizeUrl(auth, Oidc.NewPkce().Challenge, "s").Replace("client_id=storefront", "client_id=no-such-client", StringComparison.Ordinal);

        using var response = await browser.GetAsync(url, Ct);

        // Not redirected (the redirect URI cannot be trusted for an unknown client), and not a bare "Bad Request".
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("invalid_request", page, StringComparison.Ordinal);
        Assert.Contains("client_id", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authorization_code")]
    [InlineData("urn:example:not-a-grant")]
    public async Task A_token_request_with_a_bad_grant_answers_the_RFC_6749_json_error(string grantType)
    {
        using var client = auth.NewApiClient();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = CodeFlow.ClientId,
            ["code"] = "not-a-code",
            ["code_verifier"] = Oidc.NewPkce().Verifier,
            ["redirect_uri"] = auth.RedirectUri,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(body.GetProperty("error").GetString(), new[] { "invalid_grant", "unsupported_grant_type" });
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task A_refresh_token_is_rotated_and_the_used_one_is_refused_afterwards()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var first = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);

        var second = await Oidc.RefreshAsync(auth, first.RefreshToken, Ct);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(user.Id, new JsonWebToken(second.AccessToken).Subject);

        var reused = await Oidc.RefreshAsync(auth, first.RefreshToken, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("invalid_grant", reused.Error);
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);

        using var client = auth.NewApiClient();
        using var revoke = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "storefront",
            ["token"] = tokens.RefreshToken,
            ["token_type_hint"] = "refresh_token",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var refreshed = await Oidc.RefreshAsync(auth, tokens.RefreshToken, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [Fact]
    public async Task A_service_client_gets_a_token_by_client_credentials_that_is_not_a_customer()
    {
        var tokens = await Oidc.TokenRequestAsync(auth, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = AuthFixture.ServiceClientId,
            ["client_secret"] = AuthFixture.ServiceClientSecret,
            ["scope"] = "api",
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var jwt = new JsonWebToken(tokens.AccessToken);
        Assert.Equal(AuthFixture.ServiceClientId, jwt.Subject);
        Assert.Equal(["ecommerce-api"], jwt.Audiences);
        Assert.Equal(["service"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        using var me = await Oidc.GetWithTokenAsync(auth, "/api/auth/me", tokens.AccessToken, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_are_refused()
    {
        var tokens = await Oidc.TokenRequestAsync(auth, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = AuthFixture.ServiceClientId,
            ["client_secret"] = "not-the-secret",
        }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, tokens.Status);
        Assert.Equal("invalid_client", tokens.Error);
    }

    [Fact]
    public async Task Discovery_publishes_the_fixed_issuer_and_a_jwks_with_the_signing_key()
    {
        using var client = auth.NewApiClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);
        var jwks = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString(), Ct);

        Assert.Equal(auth.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal(auth.SigningKey.KeyId, key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The JWKS must never publish the private key.");
    }
}
