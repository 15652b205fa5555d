using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.AppHost.Tests;

/// <summary>The AppHost's auth wiring, end to end: the issuer is the gateway's URL and the browser never leaves it.</summary>
[Collection(WholeSystemCollection.Name)]
public class AuthThroughGatewayTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_through_the_gateway_names_the_gateway_as_issuer_and_serves_the_jwks()
    {
        using var client = system.CreateGatewayClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Ct);
        var jwks = await client.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery, Ct);

        Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/", discovery.GetProperty("issuer").GetString());
        Assert.StartsWith(client.BaseAddress.GetLeftPart(UriPartial.Authority), discovery.GetProperty("authorization_endpoint").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task Authorize_through_the_gateway_sends_the_browser_to_the_sign_in_page_on_the_gateway()
    {
        using var client = system.CreateGatewayClient();

        using var response = await client.GetAsync(
            "/connect/authorize?client_id=storefront&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri="
            + Uri.EscapeDataString(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/auth/callback"), Ct);

        // The HttpClient followed the redirect: the sign-in form came back through the gateway.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.BaseAddress.Authority, response.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/account/login", response.RequestMessage.RequestUri.AbsolutePath);
        Assert.Contains("<form method=\"post\" action=\"/account/login\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every address the storefront is shown at in development — the dashboard's (localhost) and the one Vite prints
    /// (127.0.0.1), the same port since no proxy stands in front of the dev server — may start a sign-in; an address
    /// that is not the storefront's is refused with a readable error, not sent to the sign-in form.
    /// </summary>
    [Fact]
    public async Task Sign_in_starts_from_every_address_the_storefront_is_shown_at_and_from_no_other()
    {
        using var client = system.CreateGatewayClient();
        var web = system.App.GetEndpoint("web", "http");
        Assert.Equal("localhost", web.Host);

        foreach (var origin in new[] { $"http://localhost:{web.Port}", $"http://127.0.0.1:{web.Port}" })
        {
            using var response = await client.GetAsync(AuthorizeUrl(origin + "/auth/callback"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        }

        using var foreign = await client.GetAsync(AuthorizeUrl($"http://127.0.0.1:{web.Port + 1}/auth/callback"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("redirect_uri", await foreign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string AuthorizeUrl(string redirectUri) =>
        "/connect/authorize?client_id=storefront&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri="
        + Uri.EscapeDataString(redirectUri);

    [Fact]
    public async Task An_admin_route_without_a_token_is_refused_at_the_gateway()
    {
        using var client = system.CreateGatewayClient();

        using var response = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
