using System.Net;
using ECommerce.Testing;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The ServiceDefaults validation every service uses, exercised against Auth's own protected endpoints: each forged
/// token differs from an accepted one in one respect only, and the accepted control proves the forgery is otherwise right.
/// </summary>
public class TokenValidationTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_signed_with_the_published_key_is_accepted()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);

        using var response = await Oidc.GetWithTokenAsync(auth, "/api/auth/me", Forge.Token(auth, user.Id, ["customer"]), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_rejected() =>
        await AssertRejectedAsync(Forge.Token(auth, "someone", ["customer"], expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task A_token_for_another_audience_is_rejected() =>
        await AssertRejectedAsync(Forge.Token(auth, "someone", ["customer"], audience: "another-api"));

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected() =>
        await AssertRejectedAsync(Forge.Token(auth, "someone", ["customer"], issuer: "https://evil.test/"));

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_is_rejected() =>
        await AssertRejectedAsync(Forge.Token(auth, "someone", ["customer"], key: TestTokens.ForeignKey));

    [Fact]
    public async Task An_unsigned_alg_none_token_is_rejected() =>
        await AssertRejectedAsync(Forge.WithAlgNone(Forge.Token(auth, "someone", ["customer"])));

    [Fact]
    public async Task A_token_whose_payload_was_changed_after_signing_is_rejected()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var genuine = (await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct)).AccessToken;

        var tampered = Forge.Tampered(genuine);

        Assert.NotEqual(genuine, tampered);
        await AssertRejectedAsync(tampered, "/api/auth/users");
    }

    [Fact]
    public async Task No_token_is_401_on_customer_and_admin_routes()
    {
        using var client = auth.NewApiClient();

        using var me = await client.GetAsync("/api/auth/me", Ct);
        using var users = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, users.StatusCode);
    }

    private async Task AssertRejectedAsync(string token, string path = "/api/auth/me")
    {
        using var response = await Oidc.GetWithTokenAsync(auth, path, token, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
