using System.Net;
using System.Net.Http.Json;
using ECommerce.Users.Domain;
using ECommerce.Users.Preferences;
using ECommerce.Users.Profile;

namespace ECommerce.Users.Tests;

[Collection(UsersServiceCollection.Name)]
public sealed class ProfileTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_authenticated_call_creates_the_profile_from_the_token()
    {
        var userId = TestData.NewUserId();

        var profile = await (await service.Customer(userId).GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();

        Assert.Equal(userId, profile.UserId);
        Assert.Equal($"{userId}@example.test", profile.Email);
        Assert.False(profile.MarketingConsent);
    }

    [Fact]
    public async Task Updating_the_profile_changes_name_phone_and_records_when_consent_was_given()
    {
        var client = service.Customer(TestData.NewUserId());

        var updated = await (await client.PutAsJsonAsync("/api/users/me",
            new UpdateProfileRequest("  Grace Hopper ", "+1 (555) 010-9999", true), Ct)).ReadAsync<ProfileResponse>();
        var reread = await (await client.GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();

        Assert.Equal("Grace Hopper", reread.DisplayName);
        Assert.Equal("+1 (555) 010-9999", reread.Phone);
        Assert.True(reread.MarketingConsent);
        Assert.NotNull(reread.MarketingConsentChangedAt);
        Assert.Equal(updated, reread);
    }

    [Fact]
    public async Task An_invalid_update_names_each_field_and_changes_nothing()
    {
        var client = service.Customer(TestData.NewUserId());
        await client.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Before", null, false), Ct);

        var response = await client.PutAsJsonAsync("/api/users/me", new { displayName = " ", phone = "call me maybe" }, Ct);

        Assert.Equal(["displayName", "marketingConsent", "phone"], await response.ValidationFieldsAsync());
        var profile = await (await client.GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();
        Assert.Equal("Before", profile.DisplayName);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem_not_a_500()
    {
        var client = service.Customer(TestData.NewUserId());

        var response = await client.PutAsync("/api/users/me", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Preferences_start_at_the_store_defaults_and_are_normalised_when_changed()
    {
        var client = service.Customer(TestData.NewUserId());
        var initial = await (await client.GetAsync("/api/users/me/preferences", Ct)).ReadAsync<PreferencesResponse>();

        var changed = await (await client.PutAsJsonAsync("/api/users/me/preferences",
            new UpdatePreferencesRequest("eur", "de-de", false), Ct)).ReadAsync<PreferencesResponse>();

        Assert.Equal(new PreferencesResponse("GBP", "en-GB", false), initial);
        Assert.Equal(new PreferencesResponse("EUR", "de-DE", false), changed);
    }

    [Fact]
    public async Task Unknown_currency_and_malformed_language_are_rejected_by_name()
    {
        var client = service.Customer(TestData.NewUserId());

        var response = await client.PutAsJsonAsync("/api/users/me/preferences", new UpdatePreferencesRequest("XYZ", "english please", false), Ct);

        Assert.Equal(["currency", "language"], await response.ValidationFieldsAsync());
    }

    [Fact]
    public async Task The_newsletter_needs_marketing_consent_and_withdrawing_consent_ends_it()
    {
        var client = service.Customer(TestData.NewUserId());

        var refused = await client.PutAsJsonAsync("/api/users/me/preferences", new UpdatePreferencesRequest("GBP", "en", true), Ct);
        Assert.Equal(["newsletter"], await refused.ValidationFieldsAsync());

        await client.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Reader", null, true), Ct);
        var subscribed = await (await client.PutAsJsonAsync("/api/users/me/preferences",
            new UpdatePreferencesRequest("GBP", "en", true), Ct)).ReadAsync<PreferencesResponse>();
        Assert.True(subscribed.Newsletter);

        await client.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Reader", null, false), Ct);
        var after = await (await client.GetAsync("/api/users/me/preferences", Ct)).ReadAsync<PreferencesResponse>();
        Assert.False(after.Newsletter);
    }
}
