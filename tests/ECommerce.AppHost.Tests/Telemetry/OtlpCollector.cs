using System.Collections.Concurrent;
using ECommerce.AppHost.Tests.Telemetry.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECommerce.AppHost.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver in the test process, standing where the Aspire dashboard stands when a developer runs the
/// AppHost: every service exports its spans and metrics here (the fixture points OTEL_EXPORTER_OTLP_ENDPOINT at it), and
/// the telemetry tests read what a developer would see. Logs are accepted and dropped.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CollectedSpan> _spans = new();
    private readonly ConcurrentDictionary<(string Service, string Metric), byte> _metrics = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<CollectedSpan> Spans => _spans;

    /// <summary>Every (service, metric name) exported so far.</summary>
    public ICollection<(string Service, string Metric)> Metrics => _metrics.Keys;

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            collector.Add(ExportTraceServiceRequest.Parser.ParseFrom(await ReadAsync(request)));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            collector.Add(ExportMetricsServiceRequest.Parser.ParseFrom(await ReadAsync(request)));
            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        collector.Endpoint = new Uri(address);
        return collector;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private void Add(ExportTraceServiceRequest export)
    {
        var received = DateTimeOffset.UtcNow;
        foreach (var resource in export.ResourceSpans)
        {
            var service = ServiceName(resource.Resource);
            foreach (var span in resource.ScopeSpans.SelectMany(s => s.Spans))
            {
                _spans.Enqueue(new CollectedSpan(
                    service,
                    Convert.ToHexStringLower(span.TraceId.Span),
                    Convert.ToHexStringLower(span.SpanId.Span),
                    span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
                    span.Name,
                    span.Kind,
                    DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100)),
                    span.Attributes.ToDictionary(a => a.Key, a => Text(a.Value)),
                    received));
            }
        }
    }

    private void Add(ExportMetricsServiceRequest export)
    {
        foreach (var resource in export.ResourceMetrics)
        {
            var service = ServiceName(resource.Resource);
            foreach (var metric in resource.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                _metrics.TryAdd((service, metric.Name), 0);
            }
        }
    }

    private static string ServiceName(Otlp.Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? Text(name.Value) : "";

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>One exported span, as the dashboard would list it.</summary>
public sealed record CollectedSpan(
    string Service,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    Span.Types.SpanKind Kind,
    DateTimeOffset Start,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset ReceivedAt)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Service}: {Name} ({Kind}) trace {TraceId}";
}
