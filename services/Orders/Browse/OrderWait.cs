using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Browse;

/// <summary>
/// Reading an order with <c>Prefer: wait=N</c> (RFC 7240): while the order is still being placed (Pending or
/// StockReserved: the saga moves it on without the shopper), the answer waits until it has moved on, or N seconds (at
/// most <see cref="MaxSeconds"/>), and is then the order as it is. The shopper's order page asks once instead of once a
/// second, and sees the outcome when it happens. Without the preference, or for an order that is not in flight, the
/// answer is immediate. A waiting request gives its place among the running requests back (<see cref="IAdmissionFeature"/>).
/// </summary>
public static class OrderWait
{
    public const int MaxSeconds = 10;

    /// <summary>How often a waiter reads the order's status itself: a change committed by another replica sends no signal here.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    /// <summary>Statuses the order leaves without the shopper or the back office doing anything.</summary>
    public static bool InFlight(OrderStatus status) => status is OrderStatus.Pending or OrderStatus.StockReserved;

    /// <summary>The <c>wait</c> preference in seconds, capped; null when absent, zero or not a number (preferences a server does not understand are ignored).</summary>
    public static int? RequestedSeconds(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var preference in (header ?? "").Split(','))
            {
                var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(parts[1].Split(';')[0].Trim('"', ' '), out var seconds) && seconds > 0)
                {
                    return Math.Min(seconds, MaxSeconds);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The one order <paramref name="orders"/> selects, with its details (<see cref="OrderLoading.ViewWithDetailsAsync"/>),
    /// after waiting as the request prefers.
    /// </summary>
    public static async Task<Order?> ViewAsync(
        HttpContext context, OrdersDbContext db, OrderChanges changes, TimeProvider clock, Guid orderId, IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        var seconds = RequestedSeconds(context.Request);
        if (seconds is not null)
        {
            context.Response.Headers.Vary = "Prefer";
        }

        // Listening before the first read: a change committed between the read and the wait still wakes it.
        using var waiter = seconds is null ? null : changes.TryWait(orderId);
        var order = await db.ViewWithDetailsAsync(orders, cancellationToken);
        if (order is null || waiter is null || !InFlight(order.Status))
        {
            return order;
        }

        context.Features.Get<IAdmissionFeature>()?.Leave();
        context.Response.Headers["Preference-Applied"] = $"wait={seconds}";
        var started = clock.GetTimestamp();
        var limit = TimeSpan.FromSeconds(seconds!.Value);
        var (status, version) = (order.Status, order.Version);
        while (InFlight(status) && clock.GetElapsedTime(started) is var waited && waited < limit)
        {
            var left = limit - waited;
            await waiter.WaitAsync(left < Recheck ? left : Recheck, cancellationToken);
            if (await orders.Select(o => new { o.Status, o.Version }).SingleOrDefaultAsync(cancellationToken) is not { } now)
            {
                return null;
            }

            (status, version) = (now.Status, now.Version);
        }

        return version == order.Version ? order : await db.ViewWithDetailsAsync(orders, cancellationToken);
    }
}
