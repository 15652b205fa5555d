using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Service-to-service calls as the service itself: an HttpClient that carries a client-credentials access token
/// from the Auth service (<c>Authentication:Client:Id</c>, <c>Secret</c>, <c>TokenEndpoint</c>, set by the AppHost's
/// <c>WithClientCredentials(auth)</c>). The token is cached until a minute before it expires. Calls made on behalf of
/// a shopper should forward the shopper's token instead; this is for the service acting on its own.
/// </summary>
public static class ClientCredentialsExtensions
{
    /// <summary>The named client token requests go through (service discovery, resilience, tracing apply).</summary>
    public const string TokenClientName = "authentication-token";

    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder http)
    {
        http.Services.AddHttpClient(TokenClientName);
        http.Services.AddSingleton(sp => new ClientCredentialsTokenCache(
            sp.GetRequiredService<IConfiguration>().GetSection("Authentication:Client"), sp.GetRequiredService<IHttpClientFactory>(), TimeProvider.System));
        http.Services.AddTransient<ClientCredentialsHandler>();
        return http.AddHttpMessageHandler<ClientCredentialsHandler>();
    }

    private sealed class ClientCredentialsHandler(ClientCredentialsTokenCache tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One token per service process, shared by every client that asks, renewed shortly before expiry.</summary>
internal sealed class ClientCredentialsTokenCache(IConfigurationSection settings, IHttpClientFactory clients, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && time.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }

            var endpoint = settings["TokenEndpoint"] ?? throw new InvalidOperationException("Authentication:Client:TokenEndpoint is not configured.");
            using var response = await clients.CreateClient(ClientCredentialsExtensions.TokenClientName).PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings["Id"] ?? throw new InvalidOperationException("Authentication:Client:Id is not configured."),
                ["client_secret"] = settings["Secret"] ?? throw new InvalidOperationException("Authentication:Client:Secret is not configured."),
                ["scope"] = settings["Scope"] ?? "api",
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("The token endpoint answered with no body.");
            _current = (token.AccessToken, time.GetUtcNow().AddSeconds(Math.Max(0, token.ExpiresIn - 60)));
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
