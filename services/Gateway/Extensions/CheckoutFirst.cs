using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ECommerce.Gateway.Extensions;

/// <summary>
/// Settings of the checkout-first rule (section <c>Gateway:CheckoutFirst</c>): while the checkout service sheds its own
/// work, the gateway refuses a share of catalog browsing, so the cores both share go to the shoppers who are buying.
/// Off by default: it is for one machine that runs every service (the AppHost turns it on for a local run); in Azure each
/// Container App has its own cores and scales out instead. docs/reliability.md "Checkout first at the edge".
/// </summary>
public sealed class CheckoutFirstOptions
{
    public const string SectionName = "Gateway:CheckoutFirst";

    public bool Enabled { get; set; }

    /// <summary>Clusters whose shed answers (503 with <c>X-Overload-Shed</c>) say that checkout is saturated.</summary>
    public string[] BusyClusters { get; set; } = ["orders"];

    /// <summary>Clusters whose reads (GET, HEAD) are browsing, refused in a share while checkout is saturated.</summary>
    public string[] BrowsingClusters { get; set; } = ["products", "ai"];

    /// <summary>Browsing never refused: the pictures of a page the shopper already has.</summary>
    public string[] ExemptPaths { get; set; } = ["/api/products/images"];

    /// <summary>Writes that start or continue a shopper's journey (under a busy cluster); that shopper's browsing is never refused.</summary>
    public string[] JourneyPaths { get; set; } = ["/api/orders/cart"];

    /// <summary>How much the refused share of browsing rises with each shed answer of a busy cluster.</summary>
    [Range(0.001, 1)]
    public double RaisePerShed { get; set; } = 0.02;

    /// <summary>How fast the refused share falls again, per second, whether or not checkout still sheds.</summary>
    [Range(0.001, 10)]
    public double EasePerSecond { get; set; } = 0.1;

    /// <summary>The largest share of browsing refused: a shopper's page still loads, at worst after a retry or two.</summary>
    [Range(0, 1)]
    public double MaxShare { get; set; } = 0.9;

    [Range(1, 60)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How long after a cart change a signed-in shopper still counts as buying.</summary>
    [Range(1, 3600)]
    public int JourneyIdleSeconds { get; set; } = 30;
}

/// <summary>
/// The share of browsing refused: an integral controller on the checkout service's shed answers. Each one raises the
/// share by <see cref="CheckoutFirstOptions.RaisePerShed"/> (up to <see cref="CheckoutFirstOptions.MaxShare"/>), and it
/// falls by <see cref="CheckoutFirstOptions.EasePerSecond"/> all the time, so it settles where checkout sheds
/// EasePerSecond / RaisePerShed answers a second (5 by default) and returns to 0 within seconds of checkout keeping up.
/// Which requests are refused is spread evenly (an error-diffusion count, not a coin), so a share of 0.25 refuses
/// every fourth.
/// </summary>
public sealed class BrowsingBrake
{
    private readonly CheckoutFirstOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private State _state = new(0, 0);
    private double _owed;

    public BrowsingBrake(IOptions<CheckoutFirstOptions> options, TimeProvider time, IMeterFactory meters)
    {
        _options = options.Value;
        _time = time;
        meters.Create("ECommerce.Gateway").CreateObservableGauge("ecommerce.gateway.browsing_refused_share", () => Share, "1",
            "The share of browsing the gateway refuses while checkout is saturated (Gateway:CheckoutFirst).");
    }

    public double Share => ShareAt(Volatile.Read(ref _state), _time.GetTimestamp());

    /// <summary>A busy cluster shed a request.</summary>
    public void CheckoutShed()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _state = new State(Math.Min(_options.MaxShare, ShareAt(_state, now) + _options.RaisePerShed), now);
        }
    }

    /// <summary>Whether this browsing request is one of the share refused.</summary>
    public bool Refuse()
    {
        var share = Share;
        if (share <= 0)
        {
            return false;
        }

        lock (_lock)
        {
            _owed += share;
            if (_owed < 1)
            {
                return false;
            }

            _owed -= 1;
            return true;
        }
    }

    private double ShareAt(State state, long now) =>
        Math.Max(0, state.Share - (_options.EasePerSecond * _time.GetElapsedTime(state.At, now).TotalSeconds));

    private sealed record State(double Share, long At);
}

/// <summary>The rule in the proxy pipeline, where the request's cluster is known.</summary>
internal static class CheckoutFirst
{
    public static IServiceCollection AddCheckoutFirst(this IServiceCollection services)
    {
        services.AddOptions<CheckoutFirstOptions>().BindConfiguration(CheckoutFirstOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BrowsingBrake>();
        return services;
    }

    /// <summary>Adds the rule to the proxy pipeline when it is on; when off, the pipeline has nothing extra.</summary>
    public static void UseCheckoutFirst(this IApplicationBuilder proxy)
    {
        var options = proxy.ApplicationServices.GetRequiredService<IOptions<CheckoutFirstOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        var brake = proxy.ApplicationServices.GetRequiredService<BrowsingBrake>();
        var buyers = new RecentCallers(TimeSpan.FromSeconds(options.JourneyIdleSeconds));
        var busy = options.BusyClusters.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var browsing = options.BrowsingClusters.ToHashSet(StringComparer.OrdinalIgnoreCase);

        proxy.Use(async (context, next) =>
        {
            var cluster = context.GetReverseProxyFeature().Route.Config.ClusterId ?? "";
            var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            if (read && browsing.Contains(cluster) && !StartsWithAny(context.Request.Path, options.ExemptPaths)
                && brake.Share > 0 && !IsBuying(context, buyers) && brake.Refuse())
            {
                await OverloadShedding.RefuseAsync(context, "checkout_first", options.RetryAfterSeconds,
                    $"Checkout is busy, so browsing is paused for a moment; nothing was done. Try again in {options.RetryAfterSeconds} s.");
                return;
            }

            await next();

            if (!busy.Contains(cluster))
            {
                return;
            }

            // Only a refusal for overload counts: a 503 for a dependency that is down carries Retry-After too, and refusing
            // browsing would not bring it back.
            var status = context.Response.StatusCode;
            if (status == StatusCodes.Status503ServiceUnavailable && context.Response.Headers.ContainsKey(OverloadShedding.ShedHeader))
            {
                brake.CheckoutShed();
            }
            else if (!read && status is >= 200 and < 300 && StartsWithAny(context.Request.Path, options.JourneyPaths)
                && context.Request.Headers.Authorization.ToString() is { Length: > 0 } caller)
            {
                buyers.Touch(caller);
            }
        });
    }

    /// <summary>A signed-in shopper whose cart changed lately (the raw token, as Orders' own journeys count it).</summary>
    private static bool IsBuying(HttpContext context, RecentCallers buyers) =>
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } caller && buyers.Contains(caller);

    private static bool StartsWithAny(PathString path, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
