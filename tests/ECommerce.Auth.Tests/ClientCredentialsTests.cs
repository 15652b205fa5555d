using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Auth.Tests;

/// <summary>ServiceDefaults' client-credentials HttpClient against the running Auth service: a real token, fetched once.</summary>
public class ClientCredentialsTests(AuthFixture auth) : IClassFixture<AuthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_client_attaches_one_cached_token_to_every_call()
    {
        var tokenRequests = 0;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Client:Id"] = AuthFixture.ServiceClientId,
            ["Authentication:Client:Secret"] = AuthFixture.ServiceClientSecret,
            ["Authentication:Client:TokenEndpoint"] = new Uri(auth.BaseAddress, "/connect/token").ToString(),
        }).Build());
        services.AddHttpClient(ClientCredentialsExtensions.TokenClientName)
            .AddHttpMessageHandler(() => new Counting(() => Interlocked.Increment(ref tokenRequests)));
        services.AddHttpClient("auth", c => c.BaseAddress = auth.BaseAddress).AddClientCredentialsToken();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("auth");

        using var first = await client.GetAsync("/api/auth/me", Ct);
        using var second = await client.GetAsync("/api/auth/me", Ct);

        // 403, not 401: a valid token was attached — a service's, which the customer policy refuses.
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(1, tokenRequests);
    }

    private sealed class Counting(Action onRequest) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onRequest();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
