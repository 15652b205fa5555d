using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ECommerce.Testing.Oidc;
using Microsoft.AspNetCore.WebUtilities;

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
/// through the gateway, filling the sign-in form with the Auth tests' <see cref="Browser"/>.
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
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirectUri = new Uri(gateway, "/auth/callback").ToString();
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "storefront",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile email roles offline_access api",
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

        using var browser = new Browser(gateway);
        using var loginPage = await browser.FollowAsync(await browser.GetAsync(authorize, ct), ct);
        if (loginPage.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The sign-in page answered {(int)loginPage.StatusCode}.");
        }

        var response = await browser.SubmitAsync(await loginPage.Content.ReadAsStringAsync(ct), "/account/login",
            new Dictionary<string, string> { ["email"] = customer.Email, ["password"] = customer.Password }, ct);
        // Follow the redirects by hand until the one to the storefront's callback, which carries the code.
        for (var hops = 0; hops < 10 && Browser.IsRedirect(response); hops++)
        {
            var location = new Uri(gateway, Browser.Location(response));
            if (location.AbsolutePath == "/auth/callback")
            {
                var query = QueryHelpers.ParseQuery(location.Query);
                response.Dispose();
                if (query["state"] != state)
                {
                    throw new InvalidOperationException("The callback's state is not the one sent.");
                }

                return await RedeemAsync(gateway, query["code"].ToString(), verifier, redirectUri, ct);
            }

            response.Dispose();
            response = await browser.GetAsync(location.ToString(), ct);
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw new InvalidOperationException($"Sign-in did not reach the callback (last answer {status}).");
    }

    private static async Task<string> RedeemAsync(Uri gateway, string code, string verifier, string redirectUri, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "storefront",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = redirectUri,
        }), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
    }
}
