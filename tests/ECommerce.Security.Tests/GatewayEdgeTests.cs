using System.Net;
using System.Net.Http.Headers;
using ECommerce.Security.Tests.Hosting;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ECommerce.Security.Tests;

/// <summary>
/// The gateway with its shipped configuration (routes, edge policies, the default 1 MiB body limit) in front of a
/// loopback stand-in that counts what reaches it: forged tokens and oversized bodies must stop at the edge.
/// The unknown-key case and the 429 with Retry-After live in ECommerce.Gateway.Tests and are not repeated here.
/// </summary>
public sealed class GatewayEdgeTests : IAsyncLifetime
{
    private WebApplication _downstream = null!;
    private WebApplicationFactory<ECommerce.Gateway.Extensions.GatewayOptions> _gateway = null!;
    private int _reached;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _downstream = builder.Build();
        _downstream.Map("/{**rest}", () =>
        {
            Interlocked.Increment(ref _reached);
            return Results.Ok();
        });
        await _downstream.StartAsync(TestContext.Current.CancellationToken);
        var address = _downstream.Urls.First();
        _gateway = new WebApplicationFactory<ECommerce.Gateway.Extensions.GatewayOptions>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ReverseProxy:Clusters:auth:Destinations:primary:Address", address)
            .UseSetting("ReverseProxy:Clusters:products:Destinations:primary:Address", address)
            .ConfigureTestServices(services => services.TrustTestTokens()));
    }

    [Fact]
    public async Task Forged_tokens_are_refused_at_the_edge_and_never_reach_the_service()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var (attack, token) in ForgedTokens.All())
        {
            foreach (var path in new[] { "/api/auth/users", "/api/auth/me" })
            {
                using var client = _gateway.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var before = _reached;

                using var response = await client.GetAsync(path, ct);

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path} with {attack}: {(int)response.StatusCode}");
                Assert.Equal(before, _reached);
            }
        }

        // The same routes with a genuine token do pass, so the refusals above were the token's doing.
        using var genuine = _gateway.CreateClient();
        genuine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin());
        using var passed = await genuine.GetAsync("/api/auth/users", ct);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_default_1_MiB_limit_is_413_problem_details_at_the_edge()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = _gateway.CreateClient();
        var before = _reached;

        using var response = await client.PostAsync("/api/products/lookup", new ByteArrayContent(new byte[(1024 * 1024) + 1])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        }, ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, _reached);

        using var atLimit = await client.PostAsync("/api/products/lookup", new ByteArrayContent(new byte[1024 * 1024])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        }, ct);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _downstream.DisposeAsync();
    }
}
