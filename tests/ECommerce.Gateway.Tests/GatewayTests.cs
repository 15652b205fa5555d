using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Gateway.Tests;

public class GatewayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_route_is_forwarded_with_correlation_and_trace_headers()
    {
        using var client = ClientFor("10.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/echo");
        request.Headers.Add("X-Correlation-Id", "order-7");

        using var response = await client.SendAsync(request, Ct);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("/api/products/echo", body.GetProperty("path").GetString());
        Assert.Equal("order-7", body.GetProperty("correlationId").GetString());
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", body.GetProperty("traceparent").GetString());
    }

    [Fact]
    public async Task An_insane_correlation_id_is_replaced()
    {
        using var client = ClientFor("10.0.0.2");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/echo");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>" + new string('x', 300));

        using var response = await client.SendAsync(request, Ct);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after_while_others_pass()
    {
        using var greedy = ClientFor("10.0.0.3");
        using var polite = ClientFor("10.0.0.4");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < GatewayFixture.PermitsPerWindow + 5; i++)
        {
            using var response = await greedy.GetAsync("/api/products/echo", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        using var other = await polite.GetAsync("/api/products/echo", Ct);

        Assert.Equal(GatewayFixture.PermitsPerWindow, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Product_pictures_have_a_window_of_their_own_so_browsing_them_leaves_the_api_allowance_intact()
    {
        using var browser = ClientFor("10.0.0.12");

        // More pictures than the API allowance: all served, and the client's API calls are all still there.
        var pictures = new List<HttpStatusCode>();
        for (var i = 0; i < GatewayFixture.ImagePermitsPerWindow + 3; i++)
        {
            using var response = await browser.GetAsync($"/api/products/images/g{i:D2}-card.jpg", Ct);
            pictures.Add(response.StatusCode);
        }

        var calls = new List<HttpStatusCode>();
        for (var i = 0; i < GatewayFixture.PermitsPerWindow; i++)
        {
            using var response = await browser.GetAsync("/api/products/echo", Ct);
            calls.Add(response.StatusCode);
        }

        // The pictures' own window is bounded too, and the API window still ends where it did.
        Assert.Equal(GatewayFixture.ImagePermitsPerWindow, pictures.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, pictures.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(calls, s => Assert.Equal(HttpStatusCode.OK, s));
        using var overCalls = await browser.GetAsync("/api/products/echo", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, overCalls.StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_rate_limited()
    {
        using var client = ClientFor("10.0.0.5");

        for (var i = 0; i < GatewayFixture.PermitsPerWindow + 5; i++)
        {
            using var response = await client.GetAsync("/alive", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_problem_details()
    {
        using var client = ClientFor("10.0.0.6");

        using var response = await client.PostAsync("/api/products/upload", new StringContent(new string('a', 10_000)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_storefront_origin_may_call_the_api_and_others_may_not()
    {
        using var client = ClientFor("10.0.0.7");

        using var allowed = await Preflight(client, GatewayFixture.StorefrontOrigin);
        using var refused = await Preflight(client, "http://evil.test");

        Assert.Equal(GatewayFixture.StorefrontOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_reports_each_downstream_service()
    {
        using var client = ClientFor("10.0.0.8");

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("products").GetString());
    }

    [Theory]
    [InlineData("/api/auth/dev/mailbox?email=someone@shop.test")]
    [InlineData("/api/auth/DEV/mailbox?email=someone@shop.test")]
    [InlineData("/api/auth/dev/mailbox/?email=someone@shop.test")]
    [InlineData("/api/auth/%64ev/mailbox?email=someone@shop.test")]
    public async Task The_development_mailbox_is_404_at_the_edge_and_never_forwarded(string url)
    {
        using var client = ClientFor("10.0.0.9");

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, fixture.MailboxRequests);
    }

    [Fact]
    public async Task A_header_with_a_non_ascii_utf8_value_is_forwarded_unchanged_not_502()
    {
        using var client = ClientFor("10.0.0.10");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products/echo");
        request.Headers.TryAddWithoutValidation("X-Note", "Crème brûlée für Zoë ☕");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Crème brûlée für Zoë ☕", body.GetProperty("note").GetString());
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/products/echo");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A client that appears to come from <paramref name="remoteIp"/>, so rate-limit partitions are per test.</summary>
    private HttpClient ClientFor(string remoteIp)
    {
        return fixture.Gateway.CreateDefaultClient(new RemoteIpHandler(remoteIp));
    }

    private sealed class RemoteIpHandler(string ip) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Test-Remote-Ip", ip);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
