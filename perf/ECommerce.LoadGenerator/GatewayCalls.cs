using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ECommerce.LoadGenerator;

/// <summary>One timed call through the gateway: the step's latency and whether the answer was one the step expects.</summary>
public sealed class GatewayCalls(HttpClient gateway, StepStats stats)
{
    public StepStats Stats => stats;

    public async Task<(HttpStatusCode? Status, string Body, HttpResponseHeaders? Headers)> SendAsync(
        string step, HttpMethod method, string path, string? token, HttpContent? content, Func<HttpStatusCode, string, bool> expected,
        CancellationToken ct, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        headers?.Invoke(request.Headers);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await gateway.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ok = expected(response.StatusCode, body);
            stats.Record(step, clock.Elapsed, ok, ok ? null : $"{(int)response.StatusCode} {method} {path}: {Truncate(body)}");
            return (response.StatusCode, body, response.Headers);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            stats.Record(step, clock.Elapsed, ok: false, $"{method} {path}: {e.GetType().Name} {Truncate(e.Message)}");
            return (null, "", null);
        }
    }

    public static bool Success(HttpStatusCode status, string body) => (int)status is >= 200 and < 300;

    private static string Truncate(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
