using System.Diagnostics;
using System.Text;
using ECommerce.Notifications.Domain;
using ECommerce.Notifications.Persistence;
using ECommerce.Notifications.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Notifications.Webhooks;

/// <summary>
/// Delivers queued webhooks: claims due rows with a lease (as the mail sender does), POSTs the signed payload, and logs
/// the status code and latency. A non-2xx answer, a timeout or a refused address is retried with exponential backoff
/// until <see cref="WebhookOptions.RetryFor"/> after queueing; then the delivery is failed (redeliverable by hand).
/// </summary>
public sealed class WebhookSender(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, IOptions<NotificationsOptions> pace,
    WebhookAddressGuard guard, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    // Its own client, outside ServiceDefaults' HttpClient defaults: no resilience handler (every attempt is one logged
    // attempt, retried on this sender's schedule) and no redirects (a redirect could point inside the network).
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The webhook sender's pass failed; trying again shortly.");
            }

            await Task.Delay(pace.Value.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var leaseUntil = now + MailSender.Lease;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil}
            WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'Pending' AND next_attempt_at <= {now}
                         ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
            var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
            await AttemptAsync(delivery, endpoint, cancellationToken);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return ids.Count;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        delivery.Attempts++;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var url = new Uri(endpoint.Url);
            if (await guard.CheckAsync(url, cancellationToken) is { } refused)
            {
                throw new InvalidOperationException(refused);
            }

            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, timestamp, delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await _http.SendAsync(request, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            delivery.LastLatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                delivery.Status = WebhookDeliveryStatus.Succeeded;
                delivery.DeliveredAt = clock.GetUtcNow();
                delivery.LastError = null;
                logger.LogInformation("Webhook {Delivery} to {Endpoint}: {Status} in {Latency} ms", delivery.Id, endpoint.Id, delivery.LastStatusCode, delivery.LastLatencyMs);
                return;
            }

            Retry(delivery, $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            delivery.LastLatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Retry(delivery, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Retry(WebhookDelivery delivery, string error)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        delivery.LastError = error.Length <= 1000 ? error : error[..1000];
        var next = now + Backoff.Delay(delivery.Attempts, o.FirstRetryDelay, o.MaxRetryDelay);
        if (next > delivery.CreatedAt + o.RetryFor)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            logger.LogWarning("Webhook {Delivery} failed for good after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, error);
            return;
        }

        delivery.NextAttemptAt = next;
        logger.LogInformation("Webhook {Delivery} attempt {Attempt} failed ({Error}); next at {Next}", delivery.Id, delivery.Attempts, error, next);
    }
}
