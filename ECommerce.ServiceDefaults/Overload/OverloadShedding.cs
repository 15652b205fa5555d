using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Sheds excess work early and cheaply: past saturation a request is refused with 503 problem details and Retry-After
/// before routing, authentication or the handler run, so nothing is half-done and the requests that are admitted keep
/// their latency, instead of every request queueing into a multi-second tail. Writes already running always finish.
/// </summary>
/// <remarks>
/// A plain <see cref="ConcurrencyLimiter"/> in its own middleware rather than <c>UseRateLimiter</c>'s global limiter:
/// <c>RateLimiterOptions</c> has one rejection handler per application, which Orders' and the gateway's own 429 policies
/// already set, and a startup filter puts this in front of every service's pipeline without each Program.cs asking.
/// </remarks>
public static class OverloadShedding
{
    /// <summary>Shed requests on the <c>ECommerce.Overload</c> meter, per service (the resource) and why.</summary>
    private static readonly Meter Meter = new("ECommerce.Overload");

    private static readonly Counter<long> Shed = Meter.CreateCounter<long>(
        "ecommerce.overload.shed", "{request}", "Requests refused with 503 before they ran, because the service was saturated.");

    public static TBuilder AddOverloadShedding<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IStartupFilter, StartupFilter>();
        return builder;
    }

    private sealed class StartupFilter(IOptions<OverloadOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (options.Value.Enabled)
            {
                app.UseMiddleware<Middleware>();
            }

            next(app);
        };
    }

    // Lives as long as the application; the limiter holds no timers, so disposing it is a formality.
    private sealed class Middleware : IDisposable
    {
        private readonly RequestDelegate _next;
        private readonly OverloadOptions _options;
        private readonly ConcurrencyLimiter _limiter;
        private readonly string[] _exempt;

        public Middleware(RequestDelegate next, IOptions<OverloadOptions> options)
        {
            _next = next;
            _options = options.Value;
            _exempt = [ServiceDefaultsExtensions.HealthEndpointPath, ServiceDefaultsExtensions.AlivenessEndpointPath, .. _options.ExemptPaths];
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = _options.MaxConcurrent,
                QueueLimit = _options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        public async Task InvokeAsync(HttpContext context)
        {
            if (IsExempt(context.Request.Path))
            {
                await _next(context);
                return;
            }

            using var lease = await AcquireAsync(context.RequestAborted);
            if (lease is null)
            {
                return;
            }

            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, "queue_full");
                return;
            }

            await _next(context);

            async Task<RateLimitLease?> AcquireAsync(CancellationToken aborted)
            {
                // The fast path takes no timer: a free slot is taken at once, a full queue is refused at once.
                var immediate = _limiter.AttemptAcquire();
                if (immediate.IsAcquired || _options.QueueLimit == 0)
                {
                    return immediate;
                }

                immediate.Dispose();
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(_options.QueueTimeoutMs);
                try
                {
                    return await _limiter.AcquireAsync(1, wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // A client that went away while waiting needs no answer; one that waited too long is refused.
                    if (!aborted.IsCancellationRequested)
                    {
                        await RefuseAsync(context, "queue_timeout");
                    }

                    return null;
                }
            }
        }

        private bool IsExempt(PathString path)
        {
            foreach (var prefix in _exempt)
            {
                if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private async Task RefuseAsync(HttpContext context, string reason)
        {
            Shed.Add(1, new KeyValuePair<string, object?>("ecommerce.overload.reason", reason),
                new KeyValuePair<string, object?>("http.request.method", context.Request.Method));
            var seconds = _options.RetryAfterSeconds;
            await TooManyRequests.RetryLaterAsync(context, StatusCodes.Status503ServiceUnavailable, seconds,
                "The store is busy.", $"Too many requests are in progress; nothing was done. Try again in {seconds} s.");
        }

        public void Dispose() => _limiter.Dispose();
    }
}
