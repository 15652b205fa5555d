using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Auth.Tests;

public sealed record TestAccount(string Id, string Email, string Password, string DisplayName);

/// <summary>Fresh accounts for each test, made through the public registration API.</summary>
public static class Accounts
{
    public static async Task<TestAccount> RegisterAsync(AuthFixture auth, CancellationToken ct)
    {
        var email = $"user-{Guid.NewGuid():N}@shop.test";
        // Identity wants a digit: eight hex characters have none about once in 2,500 draws, which made a rare 400.
        var password = "Correct-horse-7" + Guid.NewGuid().ToString("N")[..8];
        var name = "Test " + email[5..13];
        using var client = auth.NewApiClient();
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = name }, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return new TestAccount(body.GetProperty("id").GetString()!, email, password, name);
    }
}
