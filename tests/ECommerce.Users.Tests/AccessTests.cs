using System.Net;
using System.Net.Http.Json;
using ECommerce.Testing;
using ECommerce.Users.Addresses;
using ECommerce.Users.Domain;
using ECommerce.Users.Profile;

namespace ECommerce.Users.Tests;

/// <summary>Who may call what: ids come from the token, another customer's data is not found, admin routes are admin-only.</summary>
[Collection(UsersServiceCollection.Name)]
public sealed class AccessTests(UsersServiceFixture service)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Customer_A_cannot_read_change_or_delete_customer_B_s_address()
    {
        var customerB = service.Customer(TestData.NewUserId());
        var addressOfB = await customerB.AddAddressAsync(TestData.LondonAddress());
        var customerA = service.Customer(TestData.NewUserId());

        var read = await customerA.GetAsync($"/api/users/me/addresses/{addressOfB.Id}", Ct);
        var change = await customerA.PutAsJsonAsync($"/api/users/me/addresses/{addressOfB.Id}", TestData.BerlinAddress(), Ct);
        var delete = await customerA.DeleteAsync($"/api/users/me/addresses/{addressOfB.Id}", Ct);
        var list = await (await customerA.GetAsync("/api/users/me/addresses", Ct)).ReadAsync<List<AddressResponse>>();

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Empty(list);
        Assert.Equal(addressOfB, await (await customerB.GetAsync($"/api/users/me/addresses/{addressOfB.Id}", Ct)).ReadAsync<AddressResponse>());
    }

    [Fact]
    public async Task Customer_A_changing_me_changes_only_A_s_profile()
    {
        var idA = TestData.NewUserId();
        var idB = TestData.NewUserId();
        var customerB = service.Customer(idB);
        await customerB.PutAsJsonAsync("/api/users/me", new UpdateProfileRequest("Bea", "+44 7700 900123", false), Ct);

        // A body naming B's id is ignored: there is no id in the request, the token decides.
        await service.Customer(idA).PutAsJsonAsync("/api/users/me", new { userId = idB, displayName = "Mallory", marketingConsent = true }, Ct);

        var profileB = await (await customerB.GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();
        Assert.Equal(("Bea", false), (profileB.DisplayName, profileB.MarketingConsent));
        var profileA = await (await service.Customer(idA).GetAsync("/api/users/me", Ct)).ReadAsync<ProfileResponse>();
        Assert.Equal((idA, "Mallory"), (profileA.UserId, profileA.DisplayName));
    }

    [Theory]
    [InlineData("/api/users")]
    [InlineData("/api/users?search=a")]
    [InlineData("/api/users/someone")]
    public async Task A_customer_on_admin_routes_gets_403(string path)
    {
        var response = await service.Customer(TestData.NewUserId()).GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/users/me")]
    [InlineData("PUT", "/api/users/me")]
    [InlineData("DELETE", "/api/users/me")]
    [InlineData("GET", "/api/users/me/export")]
    [InlineData("GET", "/api/users/me/preferences")]
    [InlineData("GET", "/api/users/me/addresses")]
    [InlineData("POST", "/api/users/me/addresses")]
    [InlineData("GET", "/api/users/me/addresses/0195a0c4-0000-7000-8000-000000000001")]
    [InlineData("GET", "/api/users")]
    public async Task Anonymous_calls_get_401(string method, string path)
    {
        var response = await service.Client(null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "PUT" or "POST" ? JsonContent.Create(new { }) : null,
        }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_whose_subject_is_longer_than_any_user_id_gets_403()
    {
        var response = await service.Customer(new string('x', 200)).GetAsync("/api/users/me", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Tokens_that_are_expired_for_another_audience_or_signed_by_another_key_get_401()
    {
        var userId = TestData.NewUserId();
        string[] tokens =
        [
            TestTokens.Issue(userId, ["customer"], expires: DateTimeOffset.UtcNow.AddMinutes(-5)),
            TestTokens.Issue(userId, ["customer"], audience: "some-other-api"),
            TestTokens.Issue(userId, ["customer"], signingKey: TestTokens.ForeignKey),
        ];

        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client(token).GetAsync("/api/users/me", Ct)).StatusCode);
        }
    }
}
