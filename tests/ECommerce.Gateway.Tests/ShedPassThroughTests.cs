using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// The services shed (ServiceDefaults, section Overload) and the gateway does not (its own ceiling is
/// Gateway:RateLimiting): a service's 503 with Retry-After and problem details reaches the client as it was sent, so the
/// storefront and the load generator can wait and retry, and the gateway neither retries it nor turns it into a 502.
/// </summary>
public sealed class ShedPassThroughTests : IAsyncLifetime
{
    private WebApplication _products = null!;
    private WebApplicationFactory<Program> _gateway = null!;
    private int _calls;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _products = builder.Build();
        _products.MapGet("/api/products", (HttpResponse response) =>
        {
            Interlocked.Increment(ref _calls);
            response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: 503, title: "The store is busy.", detail: "Try again in 1 s.");
        });
        await _products.StartAsync(Ct);

        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ReverseProxy:Clusters:products:Destinations:primary:Address", _products.Urls.First()));
    }

    [Fact]
    public async Task A_shed_answer_reaches_the_client_once_with_its_retry_after_and_problem()
    {
        using var client = _gateway.CreateClient();

        using var response = await client.GetAsync("/api/products", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("The store is busy.", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        Assert.Equal(1, _calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _products.DisposeAsync();
    }
}
