using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// Routes that name an authorization policy are checked at the edge: a missing or invalid token never reaches the
/// service, and a valid one is passed on unchanged for the service to validate again.
/// </summary>
public sealed class EdgeAuthenticationTests : IAsyncLifetime
{
    private WebApplication _auth = null!;
    private WebApplicationFactory<Program> _gateway = null!;
    private int _downstreamCalls;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _auth = builder.Build();
        _auth.MapGet("/api/auth/users", (HttpRequest request) =>
        {
            Interlocked.Increment(ref _downstreamCalls);
            return Results.Json(new { authorization = request.Headers.Authorization.ToString() });
        });
        _auth.MapGet("/api/orders", () =>
        {
            Interlocked.Increment(ref _downstreamCalls);
            return Results.Json(new { items = Array.Empty<object>() });
        });
        _auth.MapGet("/api/orders/cart", () =>
        {
            Interlocked.Increment(ref _downstreamCalls);
            return Results.Json(new { lines = Array.Empty<object>() });
        });
        // A guest's order by its link: the gateway must let it through; Orders checks the link's token itself.
        _auth.MapGet("/api/orders/guest/{orderId}", (HttpRequest request) =>
        {
            Interlocked.Increment(ref _downstreamCalls);
            return Results.Json(new { access = request.Headers["X-Order-Access"].ToString() });
        });
        _auth.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref _downstreamCalls);
            return Results.Json(new { issuer = "anonymous route" });
        });
        await _auth.StartAsync(Ct);

        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ReverseProxy:Clusters:auth:Destinations:primary:Address", _auth.Urls.First())
            .UseSetting("ReverseProxy:Clusters:orders:Destinations:primary:Address", _auth.Urls.First())
            .ConfigureTestServices(services => services.TrustTestTokens()));
    }

    [Fact]
    public async Task Order_history_needs_a_token_at_the_edge_while_an_anonymous_visitor_may_use_a_cart()
    {
        using var client = _gateway.CreateClient();
        var before = _downstreamCalls;

        using var orders = await client.GetAsync("/api/orders", Ct);
        using var cart = await client.GetAsync("/api/orders/cart", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, orders.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        Assert.Equal(before + 1, _downstreamCalls);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Authorization = new("Bearer", TestTokens.Customer("customer-a"));
        using var signedIn = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_guest_order_link_reaches_orders_without_a_token_and_with_its_access_header()
    {
        using var client = _gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/guest/0195f0a4-0000-7000-8000-000000000001");
        request.Headers.Add("X-Order-Access", "4102444800.signature");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("4102444800.signature", body.GetProperty("access").GetString());
    }

    [Fact]
    public async Task An_admin_route_without_a_token_is_401_at_the_edge()
    {
        using var client = _gateway.CreateClient();
        var before = _downstreamCalls;

        using var response = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, _downstreamCalls);
    }

    [Fact]
    public async Task An_admin_route_with_a_customer_token_is_403_at_the_edge()
    {
        using var client = ClientWith(TestTokens.Customer("user-a"));
        var before = _downstreamCalls;

        using var response = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, _downstreamCalls);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_401_at_the_edge()
    {
        using var client = ClientWith(TestTokens.Issue("admin-1", ["admin"], signingKey: TestTokens.ForeignKey));

        using var response = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_token_is_passed_on_to_the_service_unchanged()
    {
        var token = TestTokens.Admin();
        using var client = ClientWith(token);

        using var response = await client.GetAsync("/api/auth/users", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bearer " + token, body.GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task Routes_without_a_policy_stay_anonymous()
    {
        using var client = _gateway.CreateClient();

        using var response = await client.GetAsync("/.well-known/openid-configuration", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient ClientWith(string token)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _auth.DisposeAsync();
    }
}
