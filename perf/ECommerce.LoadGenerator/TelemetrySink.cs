using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.LoadGenerator;

/// <summary>
/// An OTLP/HTTP endpoint that accepts every export and keeps nothing: the services collect, aggregate, serialise and
/// send their traces, metrics and logs as a deployment does (to Azure Monitor there), while what receives them costs the
/// load generator's process, not the store's. <c>--dashboard</c> runs the Aspire dashboard instead. The same shape as the
/// AppHost tests' OtlpCollector, without parsing what it receives.
/// </summary>
public sealed class TelemetrySink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _exports;

    private TelemetrySink(WebApplication app) => _app = app;

    /// <summary>The base address to give the services as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with the http/protobuf protocol.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Exports received (each a batch of spans, metric points or log records).</summary>
    public long Exports => Interlocked.Read(ref _exports);

    public static async Task<TelemetrySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new TelemetrySink(app);
        foreach (var signal in (string[])["traces", "metrics", "logs"])
        {
            // An empty Export*ServiceResponse: every item accepted.
            app.MapPost($"/v1/{signal}", async (HttpRequest request) =>
            {
                await request.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted);
                Interlocked.Increment(ref sink._exports);
                return Results.Bytes([], "application/x-protobuf");
            });
        }
        await app.StartAsync();
        sink.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return sink;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
