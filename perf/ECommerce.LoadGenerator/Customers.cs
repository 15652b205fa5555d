using System.Net;
using System.Net.Http.Json;
using ECommerce.Testing.Oidc;

namespace ECommerce.LoadGenerator;

/// <summary>A registered shopper and, once signed in, their access token.</summary>
public sealed class Customer(string email, string password)
{
    public string Email { get; } = email;

    public string Password { get; } = password;

    public string? AccessToken { get; set; }

    public DateTimeOffset SignedInAt { get; set; }

    /// <summary>Access tokens live 15 minutes; sign in again well before that.</summary>
    public bool NeedsSignIn => AccessToken is null || DateTimeOffset.UtcNow - SignedInAt > TimeSpan.FromMinutes(10);
}

/// <summary>
/// Registration through the public API and sign-in the way the storefront does it: authorization code with PKCE
/// through the gateway, with the tests' <see cref="CodeFlow"/> and <see cref="Browser"/>.
/// </summary>
public static class Customers
{
    public static async Task<Customer> RegisterAsync(HttpClient gateway, int seed, int number, CancellationToken ct)
    {
        var customer = new Customer($"shopper-{seed}-{number}-{Guid.NewGuid():N}@load.test", "Load-test-" + Guid.NewGuid().ToString("N")[..12]);
        using var response = await gateway.PostAsJsonAsync("/api/auth/register",
            new { email = customer.Email, password = customer.Password, displayName = $"Shopper {number}" }, ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Registering {customer.Email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return customer;
    }

    /// <summary>Runs /connect/authorize → sign-in form → callback → /connect/token and returns the access token.</summary>
    public static async Task<string> SignInAsync(Uri gateway, Customer customer, CancellationToken ct)
    {
        using var browser = new Browser(gateway, "/auth/callback");
        using var tokenClient = new HttpClient { BaseAddress = gateway };
        var tokens = await CodeFlow.SignInAsync(browser, tokenClient, new Uri(gateway, "/auth/callback").ToString(), customer.Email, customer.Password, ct);
        return tokens.Status == HttpStatusCode.OK
            ? tokens.AccessToken
            : throw new InvalidOperationException($"The token endpoint answered {(int)tokens.Status}: {tokens.Body}");
    }
}
