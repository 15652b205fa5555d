using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ECommerce.Auth.Tests;

/// <summary>E-mail verification: the link mailed at registration, confirming it once, and the EmailVerified it publishes.</summary>
public class EmailVerificationTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_mails_a_link_whose_confirmation_publishes_EmailVerified_once()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        var (userId, token) = VerificationLink(user.Email);
        Assert.Equal(user.Id, userId);
        Assert.Equal(0, await auth.CountOutboxAsync("EmailVerified", user.Id));
        // Notifications mails the link: Auth publishes it through its outbox.
        Assert.Equal(1, await auth.CountOutboxAsync("EmailConfirmationRequested", user.Id));

        using var client = auth.NewApiClient();
        using var confirmed = await client.PostAsJsonAsync("/api/auth/email/confirm", new { userId, token }, Ct);
        using var again = await client.PostAsJsonAsync("/api/auth/email/confirm", new { userId, token }, Ct);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (confirmed.StatusCode, again.StatusCode));
        Assert.Equal(1, await auth.CountOutboxAsync("EmailVerified", user.Id));
        using var page = await client.GetAsync(new Uri(auth.Mailbox.For(user.Email)[0].Link).PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_or_another_accounts_token_verifies_nothing()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        var other = await Accounts.RegisterAsync(auth, Ct);
        var (_, othersToken) = VerificationLink(other.Email);
        using var client = auth.NewApiClient();

        using var wrong = await client.PostAsJsonAsync("/api/auth/email/confirm", new { userId = user.Id, token = "bm90LWEtdG9rZW4" }, Ct);
        using var borrowed = await client.PostAsJsonAsync("/api/auth/email/confirm", new { userId = user.Id, token = othersToken }, Ct);
        using var unknown = await client.PostAsJsonAsync("/api/auth/email/confirm", new { userId = Guid.NewGuid().ToString(), token = othersToken }, Ct);
        using var missing = await client.PostAsJsonAsync("/api/auth/email/confirm", new { }, Ct);

        foreach (var response in new[] { wrong, borrowed, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("token", out _));
        }

        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("userId", out _) && missingErrors.TryGetProperty("token", out _));
        Assert.Equal(0, await auth.CountOutboxAsync("EmailVerified", user.Id));
    }

    /// <summary>The account id and token of the newest verification link mailed to <paramref name="email"/>.</summary>
    private (string UserId, string Token) VerificationLink(string email)
    {
        var mail = Assert.Single(auth.Mailbox.For(email), m => m.Subject.Contains("Confirm", StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(new Uri(mail.Link).Query);
        return (query["userId"].ToString(), query["token"].ToString());
    }
}
