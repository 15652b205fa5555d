using System.Diagnostics.Metrics;
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
/// Its own middleware rather than <c>UseRateLimiter</c>'s global limiter: <c>RateLimiterOptions</c> has one rejection
/// handler per application, which Orders' and the gateway's own 429 policies already set, the limiter's queue has no
/// priority (<see cref="PriorityGate"/>), and a startup filter puts this in front of every service's pipeline without
/// each Program.cs asking.
/// </remarks>
public static class OverloadShedding
{
    /// <summary>Shed requests on the <c>ECommerce.Overload</c> meter, per service (the resource) and why.</summary>
    private static readonly Meter Meter = new("ECommerce.Overload");

    private static readonly Counter<long> Shed = Meter.CreateCounter<long>(
        "ecommerce.overload.shed", "{request}", "Requests refused with 503 before they ran, because the service was saturated.");

    /// <summary>
    /// Set on every answer refused for overload, with the reason: what tells a caller (the gateway's checkout-first rule)
    /// that the service is saturated, as opposed to a 503 for a dependency that is down (which also carries Retry-After).
    /// </summary>
    public const string ShedHeader = "X-Overload-Shed";

    /// <summary>
    /// Refuses the request for overload: counts it, marks it (<see cref="ShedHeader"/>) and answers 503 with Retry-After
    /// and the "store is busy" problem. The services' admission control and the gateway's checkout-first rule both refuse
    /// through this, so a client sees one kind of shed answer wherever it was decided.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, string reason, int retryAfterSeconds, string detail, bool priority = false, bool inProgress = false)
    {
        Shed.Add(1, new KeyValuePair<string, object?>("ecommerce.overload.reason", reason),
            new KeyValuePair<string, object?>("ecommerce.overload.priority", priority),
            new KeyValuePair<string, object?>("ecommerce.overload.in_progress", inProgress),
            new KeyValuePair<string, object?>("http.request.method", context.Request.Method));
        context.Response.Headers[ShedHeader] = reason;
        return TooManyRequests.RetryLaterAsync(context, StatusCodes.Status503ServiceUnavailable, retryAfterSeconds, "The store is busy.", detail);
    }

    public static TBuilder AddOverloadShedding<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.PriorityRoutes.All(PriorityRoute.IsValid), "Overload:PriorityRoutes: each entry is \"METHOD /path\", {guid} for an id segment.")
            .ValidateOnStart();
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

    /// <summary>An admitted request's place; given back once, whether the handler leaves early or the request ends.</summary>
    private sealed class Admission(PriorityGate gate) : IAdmissionFeature
    {
        private int _left;

        public void Leave()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Middleware
    {
        private readonly RequestDelegate _next;
        private readonly OverloadOptions _options;
        private readonly PriorityGate _gate;
        private readonly string[] _exempt;
        private readonly PriorityRoute[] _priority;
        private readonly IWorkInProgress? _inProgress;

        public Middleware(RequestDelegate next, IOptions<OverloadOptions> options, IServiceProvider services)
        {
            _next = next;
            _options = options.Value;
            _exempt = [ServiceDefaultsExtensions.HealthEndpointPath, ServiceDefaultsExtensions.AlivenessEndpointPath, .. _options.ExemptPaths];
            _priority = _options.Prioritise ? [.. _options.PriorityRoutes.Select(PriorityRoute.Parse)] : [];
            _gate = new PriorityGate(_options.MaxConcurrent, _options.QueueLimit);
            _inProgress = _options.Prioritise && _options.InProgressFirst ? services.GetService<IWorkInProgress>() : null;
        }

        public async Task InvokeAsync(HttpContext context)
        {
            if (IsExempt(context.Request.Path))
            {
                await _next(context);
                return;
            }

            // Which class a request belongs to matters only when it has to queue: a free slot admits it without asking.
            var urgency = PriorityGate.Urgency.Other;
            var outcome = _gate.TryEnter()
                ? PriorityGate.Outcome.Admitted
                : await _gate.EnterAsync(urgency = UrgencyOf(context), TimeSpan.FromMilliseconds(_options.QueueTimeoutMs), context.RequestAborted);
            switch (outcome)
            {
                case PriorityGate.Outcome.Admitted:
                    var admission = new Admission(_gate);
                    context.Features.Set<IAdmissionFeature>(admission);
                    try
                    {
                        await _next(context);
                    }
                    finally
                    {
                        admission.Leave();
                    }

                    return;
                case PriorityGate.Outcome.QueueFull:
                    await RefuseAsync(context, "queue_full", urgency);
                    return;
                case PriorityGate.Outcome.TimedOut:
                    await RefuseAsync(context, "queue_timeout", urgency);
                    return;
                default:
                    // A client that went away while waiting needs no answer.
                    return;
            }
        }

        private PriorityGate.Urgency UrgencyOf(HttpContext context)
        {
            foreach (var route in _priority)
            {
                if (route.Matches(context.Request))
                {
                    return PriorityGate.Urgency.Finishing;
                }
            }

            return _inProgress?.Has(context) == true ? PriorityGate.Urgency.InProgress : PriorityGate.Urgency.Other;
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

        private Task RefuseAsync(HttpContext context, string reason, PriorityGate.Urgency urgency) =>
            OverloadShedding.RefuseAsync(context, reason, _options.RetryAfterSeconds,
                $"Too many requests are in progress; nothing was done. Try again in {_options.RetryAfterSeconds} s.",
                priority: urgency == PriorityGate.Urgency.Finishing, inProgress: urgency == PriorityGate.Urgency.InProgress);
    }
}
