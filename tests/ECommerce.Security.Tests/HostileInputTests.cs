using ECommerce.Security.Tests.Endpoints;
using ECommerce.Security.Tests.Hostile;
using ECommerce.Security.Tests.Hosting;

namespace ECommerce.Security.Tests;

/// <summary>
/// Hundreds of malformed and malicious requests, generated from every service's endpoint list and body templates,
/// each sent by a caller the endpoint admits (so it reaches the handler): every answer must be a 4xx problem
/// details document and the service's database must be exactly as before (Orders' Redis cart too).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class HostileInputTests(SecurityFixture hosts, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_hostile_request_is_refused_with_a_4xx_problem_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var endpoints = 0;
        foreach (var service in hosts.All)
        {
            foreach (var endpoint in await EndpointCatalog.ReadAsync(service))
            {
                if (endpoint.Access is Access.Undecided or Access.OtherRole)
                {
                    continue; // the matrix fails these; nobody here could reach the handler
                }

                endpoints++;
                // The public surface is attacked anonymously; protected endpoints by a caller they admit (A on A's own rows).
                using var client = service.Client(endpoint.Access switch
                {
                    Access.Admin => Resources.AdminToken,
                    Access.Customer => Resources.TokenA,
                    _ => null,
                });
                foreach (var hostile in HostileCases.For(endpoint, hosts.Resources).Where(c => service.OverSockets || !c.What.Contains("%00", StringComparison.Ordinal)))
                {
                    counts[hostile.Category] = counts.GetValueOrDefault(hostile.Category) + 1;
                    var before = await StateAsync(service, client, ct);
                    using var request = hostile.Build();
                    using var response = await client.SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    var contentType = response.Content.Headers.ContentType?.MediaType;
                    if (status is < 400 or >= 500)
                    {
                        failures.Add($"{hostile}: {status} {Excerpt(await response.Content.ReadAsStringAsync(ct))}");
                    }
                    else if (contentType != "application/problem+json" && !RefusedByKestrel(hostile, status))
                    {
                        failures.Add($"{hostile}: {status} answered as '{contentType}', not problem details");
                    }

                    var after = await StateAsync(service, client, ct);
                    if (after != before)
                    {
                        failures.Add($"{hostile}: changed {DatabaseSnapshot.Diff(before, after)}");
                    }
                }
            }
        }

        var total = counts.Values.Sum();
        output.WriteLine($"Hostile input: {total} requests over {endpoints} endpoints, {failures.Count} failures.");
        foreach (var (category, count) in counts)
        {
            output.WriteLine($"  {category}: {count}");
        }

        Assert.True(total >= 200, $"Only {total} hostile cases were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} hostile requests misbehaved:\n" + string.Join('\n', failures));
    }

    /// <summary>The service's database, plus (for Orders, whose carts live in Redis) the caller's cart.</summary>
    private static async Task<string> StateAsync(HostedService service, HttpClient client, CancellationToken ct)
    {
        var database = await DatabaseSnapshot.TakeAsync(service.Database, ct);
        if (service.Name != "Orders")
        {
            return database;
        }

        var cart = await client.GetStringAsync("/api/orders/cart", ct);
        return database + "\ncart:" + cart;
    }

    /// <summary>
    /// Kestrel refuses a NUL in the path with a bare 400 before any middleware runs, so no problem document can be
    /// written; that is the server doing its job, not the service leaking an error page.
    /// </summary>
    private static bool RefusedByKestrel(HostileCase hostile, int status) =>
        status == 400 && hostile.Endpoint.Service.OverSockets && hostile.What.Contains("%00", StringComparison.Ordinal);

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
