using System.Net;

namespace ECommerce.LoadGenerator;

/// <summary>
/// An OTLP/HTTP endpoint that accepts every export and keeps nothing: the services collect, aggregate, serialise and
/// send their traces, metrics and logs as a deployment does (to Azure Monitor there), while what receives them costs the
/// load generator's process, not the store's. <c>--dashboard</c> runs the Aspire dashboard instead.
/// </summary>
public sealed class TelemetrySink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TelemetrySink(Uri endpoint)
    {
        Endpoint = endpoint;
        _listener.Prefixes.Add(endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The base address to give the services as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, with the http/protobuf protocol.</summary>
    public Uri Endpoint { get; }

    /// <summary>Exports received (each a batch of spans, metric points or log records).</summary>
    public long Exports => Interlocked.Read(ref _exports);

    private long _exports;

    public static TelemetrySink Start(int port) => new(new Uri($"http://localhost:{port}/"));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            await context.Request.InputStream.CopyToAsync(Stream.Null, _stop.Token);
            Interlocked.Increment(ref _exports);
            // An empty Export*ServiceResponse: every item accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The exporter gave up or the run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
