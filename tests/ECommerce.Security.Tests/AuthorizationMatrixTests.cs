using System.Net;
using System.Text;
using ECommerce.Security.Tests.Endpoints;
using ECommerce.Security.Tests.Hostile;
using ECommerce.Security.Tests.Hosting;
using Microsoft.AspNetCore.Http.Metadata;

namespace ECommerce.Security.Tests;

/// <summary>
/// Every API endpoint of every service × {anonymous, customer A, customer B, admin}, the expectation derived from the
/// endpoint's own authorization metadata (see docs/security.md). Failures are collected and reported together, one
/// line per endpoint and caller, so one run shows the whole picture.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationMatrixTests(SecurityFixture hosts, ITestOutputHelper output)
{
    private enum Caller { Anonymous, CustomerB, CustomerA, Admin }

    /// <summary>
    /// Endpoints whose metadata cannot say who may call them. Each entry says why; everything else is derived.
    /// </summary>
    private static readonly Dictionary<string, (string Why, Func<Caller, HttpStatusCode, bool> Expected)> Expectations = new()
    {
        // Anonymous by metadata because Stripe cannot send a bearer token: the Stripe-Signature header is the
        // authentication. Without a valid signature every caller — even an admin — is refused with 400.
        ["POST /api/payments/webhooks/stripe"] = ("authenticated by Stripe-Signature, not by a token", (_, status) => status == HttpStatusCode.BadRequest),
    };

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_authorization_metadata_says()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var endpoints = 0;
        var requests = 0;
        foreach (var service in hosts.All)
        {
            var catalog = await EndpointCatalog.ReadAsync(service);
            Assert.NotEmpty(catalog);
            foreach (var endpoint in catalog)
            {
                endpoints++;
                if (endpoint.Access == Access.Undecided)
                {
                    failures.Add($"{endpoint}: no authorization decision (add RequireAuthorization(\"customer\"/\"admin\") or AllowAnonymous())");
                    continue;
                }

                foreach (var caller in Enum.GetValues<Caller>())
                {
                    requests++;
                    using var client = service.Client(TokenOf(caller));
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), RouteValues.Url(endpoint, hosts.Resources));
                    if (endpoint.HasBody)
                    {
                        request.Content = BodyFor(endpoint);
                    }

                    using var response = await client.SendAsync(request, ct);
                    if (Check(endpoint, caller, response.StatusCode) is { } problem)
                    {
                        failures.Add($"{endpoint} as {caller}: {(int)response.StatusCode} — {problem}");
                    }
                }
            }
        }

        output.WriteLine($"Authorization matrix: {endpoints} endpoints × 4 callers = {requests} requests, {failures.Count} failures.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private string? Check(ApiEndpoint endpoint, Caller caller, HttpStatusCode status)
    {
        if ((int)status >= 500)
        {
            return "a server error is never an answer";
        }

        if (Expectations.TryGetValue(endpoint.Key, out var expectation))
        {
            return expectation.Expected(caller, status) ? null : $"expected by the table: {expectation.Why}";
        }

        var allowed = endpoint.Access switch
        {
            Access.Anonymous => true,
            Access.Customer => caller != Caller.Anonymous,
            Access.Admin => caller == Caller.Admin,
            _ => false,
        };
        if (!allowed)
        {
            var expected = caller == Caller.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            return status == expected ? null : $"expected {(int)expected} for a {endpoint.Access} endpoint";
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return $"an allowed caller of a {endpoint.Access} endpoint was refused";
        }

        // B pointed at A's own resource must learn nothing: not found, as if it did not exist.
        var ownsId = endpoint.Parameters.Any(p => hosts.Resources.OwnedBy(endpoint.Service.Name, p.Name) is not null);
        if (caller == Caller.CustomerB && endpoint.Access == Access.Customer && ownsId && status != HttpStatusCode.NotFound)
        {
            return "customer B reached customer A's resource (expected 404)";
        }

        return null;
    }

    /// <summary>
    /// The endpoint's valid template where it has one (so B's request on A's resource passes validation and meets the
    /// ownership check), otherwise an empty body in the first content type the endpoint accepts.
    /// </summary>
    private HttpContent BodyFor(ApiEndpoint endpoint)
    {
        if (BodyTemplates.ByEndpoint.TryGetValue(endpoint.Key, out var template))
        {
            var json = template.Json.Replace("{product}", hosts.Resources.ProductId.ToString(), StringComparison.Ordinal)
                .Replace("{order}", hosts.Resources.OrderOfA.ToString(), StringComparison.Ordinal);
            return new StringContent(json, Encoding.UTF8, "application/json");
        }

        var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json";
        return new StringContent(contentType.Contains("json", StringComparison.Ordinal) ? "{}" : "", Encoding.UTF8, contentType);
    }

    private static string? TokenOf(Caller caller) => caller switch
    {
        Caller.CustomerA => Resources.TokenA,
        Caller.CustomerB => Resources.TokenB,
        Caller.Admin => Resources.AdminToken,
        _ => null,
    };
}
