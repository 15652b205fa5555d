using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ECommerce.LoadGenerator;

/// <summary>
/// One timed call through the gateway: the step's latency and whether the answer was one the step expects. An answer
/// the system shed (503 or 429 with Retry-After: refused before any work was done) is retried after the wait it names,
/// as the storefront does, up to <see cref="ShedRetries"/> times; it is counted as shed, not as an error, and the
/// latency recorded is the whole time the shopper waited.
/// </summary>
public sealed class GatewayCalls(HttpClient gateway, StepStats stats)
{
    public const int ShedRetries = 3;

    public StepStats Stats => stats;

    public async Task<(HttpStatusCode? Status, string Body, HttpResponseHeaders? Headers)> SendAsync(
        string step, HttpMethod method, string path, string? token, HttpContent? content, Func<HttpStatusCode, string, bool> expected,
        CancellationToken ct, Action<HttpRequestHeaders>? headers = null)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                // A new message each attempt (a message is sent once); the content is re-serialised, the Idempotency-Key kept.
                var request = new HttpRequestMessage(method, path) { Content = content };
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                headers?.Invoke(request.Headers);
                using var response = await gateway.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (Shed(response) is { } wait)
                {
                    stats.RecordShed(step, gaveUp: attempt == ShedRetries);
                    if (attempt < ShedRetries)
                    {
                        await Task.Delay(wait, ct);
                        continue;
                    }

                    // Still refused: the shopper gives up this step; the journey goes on as after any refusal.
                    stats.Record(step, clock.Elapsed, ok: true);
                    request.Dispose();
                    return (response.StatusCode, body, response.Headers);
                }

                var ok = expected(response.StatusCode, body);
                stats.Record(step, clock.Elapsed, ok, ok ? null : $"{(int)response.StatusCode} {method} {path}: {Truncate(body)}");
                request.Dispose();
                return (response.StatusCode, body, response.Headers);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            stats.Record(step, clock.Elapsed, ok: false, $"{method} {path}: {e.GetType().Name} {Truncate(e.Message)}");
            return (null, "", null);
        }
    }

    public static bool Success(HttpStatusCode status, string body) => (int)status is >= 200 and < 300;

    /// <summary>The wait a shed answer names (at most 10 s), or null when the answer was not a shed one.</summary>
    private static TimeSpan? Shed(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests
        && response.Headers.RetryAfter is { } retryAfter
            ? TimeSpan.FromTicks(Math.Clamp((retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.FromSeconds(1)).Ticks, 0, TimeSpan.FromSeconds(10).Ticks))
            : null;

    private static string Truncate(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
