using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Auth.Tests;

/// <summary>Role management by admins only, and the integration events account changes publish through the outbox.</summary>
public class AdministrationTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_on_admin_routes_gets_403()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);
        using var client = Authorized(tokens.AccessToken);

        using var list = await client.GetAsync("/api/auth/users", Ct);
        using var grant = await client.PutAsync($"/api/auth/users/{user.Id}/roles/admin", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        using var me = await client.GetAsync("/api/auth/me", Ct);
        Assert.Equal(["customer"], (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_seeded_admin_signs_in_and_grants_a_role_that_appears_in_the_users_next_token()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var adminBrowser = auth.NewBrowser();
        var admin = await Oidc.SignInAsync(auth, adminBrowser, AuthFixture.AdminEmail, AuthFixture.AdminPassword, Ct);
        using var client = Authorized(admin.AccessToken);

        using var search = await client.GetAsync($"/api/auth/users?search={Uri.EscapeDataString(user.Email)}", Ct);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var found = await search.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(user.Id, found.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(1, found.GetProperty("total").GetInt32());

        using var grant = await client.PutAsync($"/api/auth/users/{user.Id}/roles/admin", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);

        using var browser = auth.NewBrowser();
        var promoted = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);
        using var asPromoted = Authorized(promoted.AccessToken);
        using var list = await asPromoted.GetAsync("/api/auth/users", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_is_a_validation_problem_naming_the_field()
    {
        using var browser = auth.NewBrowser();
        var admin = await Oidc.SignInAsync(auth, browser, AuthFixture.AdminEmail, AuthFixture.AdminPassword, Ct);
        using var client = Authorized(admin.AccessToken);

        using var response = await client.PutAsync("/api/auth/users/whoever/roles/superuser", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Registering_publishes_UserRegistered_and_deleting_publishes_UserDeleted_through_the_outbox()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        Assert.Equal(1, await auth.CountOutboxAsync("UserRegistered", user.Id));

        using var browser = auth.NewBrowser();
        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);
        using var client = Authorized(tokens.AccessToken);
        using var deleted = await client.DeleteAsync("/api/auth/me", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(1, await auth.CountOutboxAsync("UserDeleted", user.Id));
        Assert.Equal("invalid_grant", (await Oidc.RefreshAsync(auth, tokens.RefreshToken, Ct)).Error);
    }

    [Fact]
    public async Task A_UserDeleted_event_from_another_service_removes_the_credentials()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var browser = auth.NewBrowser();
        var tokens = await Oidc.SignInAsync(auth, browser, user.Email, user.Password, Ct);

        // What the Users service's "delete my account" sends, through the same broker.
        await using (var transport = MessagingTransports.Create(MessagingTransports.Postgres, auth.MessagingDatabase))
        {
            await transport.PublishAsync(nameof(UserDeleted), [EventSerializer.Serialize(new UserDeleted(user.Id))], Ct);
        }

        // Delivery is asynchronous: refresh until refused. A refresh before the event lands succeeds and rotates,
        // so each round continues from the newest token (reusing a spent one would be refused for another reason).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var current = tokens;
        while (DateTime.UtcNow < deadline && current.Status == HttpStatusCode.OK)
        {
            var next = await Oidc.RefreshAsync(auth, current.RefreshToken, Ct);
            if (next.Status == HttpStatusCode.OK)
            {
                await Task.Delay(200, Ct);
            }

            current = next;
        }

        Assert.Equal("invalid_grant", current.Error);
        using var fresh = auth.NewBrowser();
        using var page = await fresh.GetAsync("/account/login", Ct);
        using var signIn = await fresh.SubmitAsync(await page.Content.ReadAsStringAsync(Ct), "/account/login",
            new Dictionary<string, string> { ["email"] = user.Email, ["password"] = user.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task Registration_with_a_taken_email_or_bad_fields_names_each_field()
    {
        var user = await Accounts.RegisterAsync(auth, Ct);
        using var client = auth.NewApiClient();

        using var taken = await client.PostAsJsonAsync("/api/auth/register", new { email = user.Email, password = "Long-enough-pass-1", displayName = "Twin" }, Ct);
        using var bad = await client.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = "short", displayName = "" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.True((await taken.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("email", out _));
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["displayName", "email", "password"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private HttpClient Authorized(string token)
    {
        var client = auth.NewApiClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
