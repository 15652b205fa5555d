using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Auth.Tests;

/// <summary>Lockout, password reset through the mailbox, and what credential changes do to outstanding sessions.</summary>
public class AccountSecurityTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_account_is_locked_after_repeated_wrong_passwords_even_for_the_right_one()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AuthFixture.MaxFailedAttempts; i++)
        {
            statuses.Add(await SignInStatusAsync(browser, user.Email, "Wrong-password-" + i));
        }

        var rightPassword = await SignInStatusAsync(browser, user.Email, user.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.Locked, statuses[^1]);
        Assert.Equal(HttpStatusCode.Locked, rightPassword);
    }

    [Fact]
    public async Task Fewer_failures_than_the_limit_do_not_lock_the_account()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();

        for (var i = 0; i < AuthFixture.MaxFailedAttempts - 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(browser, user.Email, "Wrong-password-" + i));
        }

        Assert.Equal(HttpStatusCode.Found, await SignInStatusAsync(browser, user.Email, user.Password));
    }

    [Fact]
    public async Task Password_reset_through_the_mailed_link_replaces_the_password_and_ends_old_sessions()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var oldBrowser = auth.NewBrowser();
        var before = await Oidc.SignInAsync(auth, oldBrowser, user.Email, user.Password, Ct);

        using var browser = auth.NewBrowser();
        var forgotPage = await (await browser.GetAsync("/account/forgot-password", Ct)).Content.ReadAsStringAsync(Ct);
        using var sent = await browser.SubmitAsync(forgotPage, "/account/forgot-password", new Dictionary<string, string> { ["email"] = user.Email }, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var link = new Uri(LatestMailLink(user.Email));
        Assert.Equal(auth.BaseAddress.Authority, link.Authority);
        // The mail itself is the Notifications service's: Auth publishes the link through its outbox.
        Assert.Equal(1, await auth.CountOutboxAsync("PasswordResetRequested", user.Id));
        using var resetPage = await browser.GetAsync(link.PathAndQuery, Ct);
        const string newPassword = "A-brand-new-password-42";
        using var reset = await browser.SubmitAsync(await resetPage.Content.ReadAsStringAsync(Ct), "/account/reset-password",
            new Dictionary<string, string> { ["newPassword"] = newPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Your password has been changed.", await reset.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var fresh = auth.NewBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(fresh, user.Email, user.Password));
        var after = await Oidc.SignInAsync(auth, fresh, user.Email, newPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        var oldRefresh = await Oidc.RefreshAsync(auth, before.RefreshToken, Ct);
        Assert.Equal("invalid_grant", oldRefresh.Error);
    }

    [Fact]
    public async Task A_reset_link_points_at_the_issuer_whatever_host_the_request_named()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var client = auth.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password/forgot") { Content = JsonContent.Create(new { email = user.Email }) };
        request.Headers.Host = "attacker.test";
        request.Headers.Add("X-Forwarded-Host", "attacker.test");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith(auth.Issuer + "account/reset-password?", LatestMailLink(user.Email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_with_a_forged_token_changes_nothing()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var client = auth.NewApiClient();

        using var response = await client.PostAsJsonAsync("/api/auth/password/reset",
            new { email = user.Email, token = "bm90LWEtdG9rZW4", newPassword = "Whatever-password-1" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _));
        using var browser = auth.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct)).Status);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_sends_nothing()
    {
        using var client = auth.NewApiClient();
        var unknown = $"nobody-{Guid.NewGuid():N}@shop.test";

        using var response = await client.PostAsJsonAsync("/api/auth/password/forgot", new { email = unknown }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(auth.Mailbox.For(unknown));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_refresh_tokens()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);
        using var client = auth.NewApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        using var wrong = await client.PostAsJsonAsync("/api/auth/me/password", new { currentPassword = "not-it-at-all", newPassword = "Another-password-77" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("currentPassword", out _));

        using var right = await client.PostAsJsonAsync("/api/auth/me/password", new { currentPassword = user.Password, newPassword = "Another-password-77" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal("invalid_grant", (await Oidc.RefreshAsync(auth, tokens.RefreshToken, Ct)).Error);
    }

    [Fact]
    public async Task Outside_development_the_mailbox_endpoint_does_not_exist_even_with_mail_kept_in_memory()
    {
        using var client = auth.NewApiClient();

        using var response = await client.GetAsync("/api/auth/dev/mailbox?email=someone@shop.test", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/account\r\nSet-Cookie: x=1")]
    public async Task Sign_in_with_a_control_character_in_the_return_url_goes_home_instead_of_failing(string returnUrl)
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        using var page = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var response = await browser.SubmitAsync(await page.Content.ReadAsStringAsync(Ct), "/account/login",
            new Dictionary<string, string> { ["email"] = user.Email, ["password"] = user.Password, ["returnUrl"] = returnUrl }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", Browser.Location(response).OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    public async Task Sign_up_with_a_control_character_in_the_return_url_creates_the_account_once_and_goes_home(string returnUrl)
    {
        var email = $"signup-{Guid.NewGuid():N}@shop.test";
        using var browser = auth.NewBrowser();
        using var page = await browser.GetAsync("/account/register?returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var response = await browser.SubmitAsync(await page.Content.ReadAsStringAsync(Ct), "/account/register",
            new Dictionary<string, string> { ["email"] = email, ["displayName"] = "Return Url", ["password"] = "Return-url-password-1", ["returnUrl"] = returnUrl }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", Browser.Location(response).OriginalString);
        using var home = await browser.GetAsync("/account", Ct);
        Assert.Contains(email, await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(Browser browser, string email, string password)
    {
        using var page = await browser.GetAsync("/account/login", Ct);
        using var response = await browser.SubmitAsync(await page.Content.ReadAsStringAsync(Ct), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password }, Ct);
        return response.StatusCode;
    }

    private string LatestMailLink(string email) => auth.Mailbox.For(email)[0].Link;
}
