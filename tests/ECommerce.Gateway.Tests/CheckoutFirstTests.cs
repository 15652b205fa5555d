using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// Gateway:CheckoutFirst: while Orders sheds its own work (503 with Retry-After), the gateway refuses a share of catalog
/// browsing before it reaches Products, rising with each shed answer and easing back over time; pictures, writes and a
/// signed-in shopper whose cart changed lately are never refused, and with the rule off nothing is. Real gateway, real
/// downstream over loopback; the gateway's clock is a fake, so the share is exact.
/// </summary>
public sealed class CheckoutFirstTests : IAsyncLifetime
{
    private const string Busy = "X-Test-Busy";
    private const string DependencyDown = "X-Test-Dependency-Down";

    private WebApplication _downstream = null!;
    private int _productReads;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _downstream = builder.Build();
        _downstream.MapGet("/api/products", () =>
        {
            Interlocked.Increment(ref _productReads);
            return Results.Json(new { items = Array.Empty<object>() });
        });
        _downstream.MapGet("/api/products/images/{name}", (string name) => Results.Bytes([0xFF, 0xD8, 0xFF], "image/jpeg"));
        _downstream.MapPost("/api/products", () => Results.Json(new { id = 1 }, statusCode: 201));
        // Stands in for Orders: a cart change that the request's header says to shed, as a saturated Orders would.
        _downstream.MapPost("/api/orders/cart/lines", (HttpRequest request, HttpResponse response) =>
        {
            if (request.Headers.ContainsKey(Busy))
            {
                response.Headers.RetryAfter = "1";
                response.Headers[OverloadShedding.ShedHeader] = "queue_full";
                return Results.Problem(statusCode: 503, title: "The store is busy.");
            }

            // Orders when Products cannot answer: 503 with Retry-After too, but not a refusal for overload.
            if (request.Headers.ContainsKey(DependencyDown))
            {
                response.Headers.RetryAfter = "5";
                return Results.Problem(statusCode: 503, title: "A service this request needs is unavailable.");
            }

            return Results.Json(new { lines = Array.Empty<object>() });
        });
        await _downstream.StartAsync(Ct);
    }

    [Fact]
    public async Task While_orders_sheds_a_share_of_browsing_is_refused_at_the_edge_with_retry_after()
    {
        await using var gateway = Gateway(out _);
        using var client = gateway.CreateClient();

        // Ten shed answers at 0.1 each, capped at 0.5: every second catalog read is refused.
        await ShedCartChangesAsync(client, 10);
        var answers = await ReadCatalogAsync(client, 10);

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(5, _productReads);
        var refused = answers.First(a => a.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.Equal("The store is busy.", refused.Title);
        Assert.Equal("checkout_first", refused.Shed);
    }

    [Fact]
    public async Task Browsing_is_not_refused_while_orders_keeps_up_and_the_share_eases_back_after_it_does()
    {
        await using var gateway = Gateway(out var clock);
        using var client = gateway.CreateClient();

        Assert.All(await ReadCatalogAsync(client, 10), a => Assert.Equal(HttpStatusCode.OK, a.Status));

        await ShedCartChangesAsync(client, 10);
        // 0.5 easing at 0.1 a second: a quarter after 2.5 s, nothing after 5 s.
        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(2, (await ReadCatalogAsync(client, 8)).Count(a => a.Status == HttpStatusCode.ServiceUnavailable));
        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.All(await ReadCatalogAsync(client, 10), a => Assert.Equal(HttpStatusCode.OK, a.Status));
    }

    [Fact]
    public async Task Pictures_writes_and_a_signed_in_shopper_with_a_cart_under_way_are_never_refused()
    {
        await using var gateway = Gateway(out _);
        using var client = gateway.CreateClient();
        var buyer = TestTokens.Customer("buyer");
        var browser = TestTokens.Customer("browser");

        // The buyer's cart changed (Orders kept up), then Orders saturates.
        using (var line = Request(HttpMethod.Post, "/api/orders/cart/lines", buyer))
        {
            line.Content = JsonContent.Create(new { productId = Guid.NewGuid(), quantity = 1 });
            using var added = await client.SendAsync(line, Ct);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        await ShedCartChangesAsync(client, 10);

        Assert.All(await ReadCatalogAsync(client, 10, buyer), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(5, (await ReadCatalogAsync(client, 10, browser)).Count(a => a.Status == HttpStatusCode.ServiceUnavailable));
        for (var i = 0; i < 10; i++)
        {
            using var picture = await client.GetAsync("/api/products/images/card.jpg", Ct);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            using var write = await client.PostAsJsonAsync("/api/products", new { name = "x" }, Ct);
            Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        }
    }

    [Fact]
    public async Task A_503_for_a_dependency_that_is_down_is_not_overload_and_refuses_no_browsing()
    {
        await using var gateway = Gateway(out _);
        using var client = gateway.CreateClient();

        await ShedCartChangesAsync(client, 20, DependencyDown);

        Assert.All(await ReadCatalogAsync(client, 10), a => Assert.Equal(HttpStatusCode.OK, a.Status));
    }

    [Fact]
    public async Task With_the_rule_off_a_shedding_orders_never_refuses_browsing()
    {
        await using var gateway = Gateway(out _, enabled: false);
        using var client = gateway.CreateClient();

        await ShedCartChangesAsync(client, 20);

        Assert.All(await ReadCatalogAsync(client, 10), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(10, _productReads);
    }

    private WebApplicationFactory<Program> Gateway(out FakeTimeProvider clock, bool enabled = true)
    {
        var fake = clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var address = _downstream.Urls.First();
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ReverseProxy:Clusters:products:Destinations:primary:Address", address)
            .UseSetting("ReverseProxy:Clusters:orders:Destinations:primary:Address", address)
            .UseSetting("Gateway:CheckoutFirst:Enabled", enabled ? "true" : "false")
            .UseSetting("Gateway:CheckoutFirst:RaisePerShed", "0.1")
            .UseSetting("Gateway:CheckoutFirst:MaxShare", "0.5")
            .UseSetting("Gateway:CheckoutFirst:EasePerSecond", "0.1")
            .ConfigureTestServices(services => services.TrustTestTokens().AddSingleton<TimeProvider>(fake)));
    }

    private static async Task ShedCartChangesAsync(HttpClient client, int count, string why = Busy)
    {
        for (var i = 0; i < count; i++)
        {
            using var request = Request(HttpMethod.Post, "/api/orders/cart/lines", token: null);
            request.Headers.Add(why, "1");
            request.Content = JsonContent.Create(new { productId = Guid.NewGuid(), quantity = 1 });
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
    }

    private static async Task<List<(HttpStatusCode Status, TimeSpan? RetryAfter, string? Title, string? Shed)>> ReadCatalogAsync(
        HttpClient client, int count, string? token = null)
    {
        var answers = new List<(HttpStatusCode, TimeSpan?, string?, string?)>();
        for (var i = 0; i < count; i++)
        {
            using var request = Request(HttpMethod.Get, "/api/products", token);
            using var response = await client.SendAsync(request, Ct);
            var title = response.StatusCode == HttpStatusCode.ServiceUnavailable
                ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString()
                : null;
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta, title,
                response.Headers.TryGetValues(OverloadShedding.ShedHeader, out var shed) ? shed.Single() : null));
        }

        return answers;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    public async ValueTask DisposeAsync() => await _downstream.DisposeAsync();
}
