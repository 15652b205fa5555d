using System.Net;
using System.Net.Http.Headers;
using ECommerce.Security.Tests.Endpoints;
using ECommerce.Security.Tests.Hosting;

namespace ECommerce.Security.Tests;

/// <summary>
/// Forged access tokens against every service's protected endpoints (the services validate with ServiceDefaults'
/// JwtBearer). The Auth service's own validation against its published keys, refresh-token replay, webhook
/// forgeries and the edge's rate limit are tested where they live — see docs/security.md.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class TokenAttackTests(SecurityFixture hosts, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_service_refuses_forged_tokens_with_401_on_every_protected_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var requests = 0;
        foreach (var service in hosts.All)
        {
            var protectedGets = (await EndpointCatalog.ReadAsync(service))
                .Where(e => e.Method == "GET" && e.Access is Access.Customer or Access.Admin).ToList();
            Assert.NotEmpty(protectedGets);
            foreach (var (attack, token) in ForgedTokens.All())
            {
                foreach (var endpoint in protectedGets)
                {
                    requests++;
                    using var client = service.Client();
                    using var request = new HttpRequestMessage(HttpMethod.Get, RouteValues.Url(endpoint, hosts.Resources));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await client.SendAsync(request, ct);
                    if (response.StatusCode != HttpStatusCode.Unauthorized)
                    {
                        failures.Add($"{endpoint} with {attack}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        output.WriteLine($"Token attacks: {requests} requests, {failures.Count} not refused.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
