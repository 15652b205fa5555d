using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace ECommerce.Gateway.Benchmarks;

/// <summary>
/// YARP and Kestrel with nothing else: no telemetry, authentication, rate limits, correlation ids or problem details.
/// Started by the benchmark as a child process of itself (<c>--bare-proxy PORT UPSTREAM</c>) to separate what YARP
/// costs from what the gateway's own policies cost.
/// </summary>
internal static class BareProxy
{
    public static async Task<int> RunAsync(int port, string upstream)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddRoutingCore();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = upstream } } }]);
        var app = builder.Build();
        app.UseRouting();
        app.MapReverseProxy();
        await app.RunAsync();
        return 0;
    }
}
