using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Auth.Tests;

/// <summary>
/// The mailbox endpoint holds password-reset links: it exists only in Development and answers only a caller on this
/// machine talking to Auth directly. (That the gateway never routes it is in ECommerce.Gateway.Tests.)
/// </summary>
public class DevelopmentMailboxTests(DevelopmentAuthFixture development) : IClassFixture<DevelopmentAuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_development_a_direct_loopback_caller_reads_the_mailbox()
    {
        var user = await Accounts.RegisterAsync(development, Ct);
        using var client = development.NewApiClient();
        using var forgot = await client.PostAsJsonAsync("/api/auth/password/forgot", new { email = user.Email }, Ct);

        using var response = await client.GetAsync($"/api/auth/dev/mailbox?email={Uri.EscapeDataString(user.Email)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The verification link from registration, then the reset link.
        Assert.Equal(2, mail.GetArrayLength());
        Assert.Equal("Reset your password", mail[0].GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-Host", "localhost:5080")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    public async Task In_development_a_proxied_caller_gets_404_whatever_address_it_claims(string header, string value)
    {
        using var client = development.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/dev/mailbox?email=someone@shop.test");
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
