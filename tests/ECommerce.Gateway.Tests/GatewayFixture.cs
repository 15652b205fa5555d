using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Gateway.Tests;

/// <summary>
/// The real gateway in a test host, proxying to a real downstream HTTP server on a loopback port (Kestrel), so routing,
/// header forwarding and limits are exercised over real sockets on the downstream side.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string StorefrontOrigin = "http://shop.test";
    public const int PermitsPerWindow = 20;
    public const int ImagePermitsPerWindow = 30;

    private WebApplication _downstream = null!;
    private int _mailboxRequests;

    /// <summary>How many requests reached the downstream's /api/auth/dev/mailbox.</summary>
    public int MailboxRequests => Volatile.Read(ref _mailboxRequests);

    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _downstream = builder.Build();
        _downstream.MapGet("/api/products/echo", (HttpRequest request) => Results.Json(new
        {
            path = request.Path.Value,
            correlationId = request.Headers["X-Correlation-Id"].ToString(),
            traceparent = request.Headers["traceparent"].ToString(),
            note = request.Headers["X-Note"].ToString(),
        }));
        // Stands in for Auth's development mailbox: counts the requests that reached it.
        _downstream.MapGet("/api/auth/dev/mailbox", () =>
        {
            Interlocked.Increment(ref _mailboxRequests);
            return Results.Json(Array.Empty<object>());
        });
        _downstream.MapPost("/api/products/upload", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Json(new { length = (await reader.ReadToEndAsync()).Length });
        });
        _downstream.MapGet("/api/products/images/{name}", (string name) => Results.Bytes([0xFF, 0xD8, 0xFF], "image/jpeg"));
        _downstream.MapGet("/health", () => Results.Json(new { status = "Healthy" }));
        await _downstream.StartAsync();
        var address = _downstream.Urls.First();

        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ReverseProxy:Clusters:products:Destinations:primary:Address", address)
            .UseSetting("ReverseProxy:Clusters:auth:Destinations:primary:Address", address)
            .UseSetting("Gateway:Cors:Origins:0", StorefrontOrigin)
            .UseSetting("Gateway:RateLimiting:PermitsPerClientPerWindow", PermitsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Gateway:RateLimiting:ImagePermitsPerClientPerWindow", ImagePermitsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Gateway:RateLimiting:WindowSeconds", "60")
            .UseSetting("Gateway:MaxRequestBodyBytes", "4096")
            .ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteIpFromHeader>()));
    }

    /// <summary>The test server has no sockets; each test names the client address it plays, so rate limits partition per test.</summary>
    private sealed class RemoteIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers["X-Test-Remote-Ip"], out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _downstream.DisposeAsync();
    }
}
