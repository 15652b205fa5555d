using ECommerce.Orders.Domain;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>
/// Which callers are in the middle of a shopping journey: their cart changed within <c>Overload:InProgressIdleSeconds</c>
/// and they have not placed the order since. Past saturation their requests (a further cart line, the cart view) wait
/// ahead of a new journey's first line (docs/reliability.md "Overload"), so the journeys already under way reach their
/// checkout instead of every journey being refused part-way.
/// </summary>
/// <remarks>
/// Asked before authentication, so a caller is its raw <c>Authorization</c> header (the same token for a signed-in
/// shopper's journey; a refreshed token just starts counting again at its next cart change) or its anonymous cart id. Only
/// a hash is kept, in this process: another replica does not know the journey and treats its requests as new work, which
/// is the behaviour without this class. A hash collision gives a caller a place it did not earn, never takes one away.
/// Bounded (<see cref="RecentCallers"/>): past its limit no new journey is recorded until idle ones are swept.
/// </remarks>
public sealed class CartJourneys(IOptions<OverloadOptions> options) : IWorkInProgress
{
    private readonly RecentCallers _callers = new(TimeSpan.FromSeconds(options.Value.InProgressIdleSeconds));

    public bool Has(HttpContext context) => Key(context, owner: null) is { } key && _callers.Contains(key);

    /// <summary>The caller's cart changed: its journey starts or goes on.</summary>
    public void Continue(HttpContext context, CartOwner owner)
    {
        if (Key(context, owner) is { } key)
        {
            _callers.Touch(key);
        }
    }

    /// <summary>The caller placed its order: what it does next is a new journey.</summary>
    public void End(HttpContext context)
    {
        if (Key(context, owner: null) is { } key)
        {
            _callers.Forget(key);
        }
    }

    private static string? Key(HttpContext context, CartOwner? owner)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.Length > 0 ? authorization : owner?.AnonymousId ?? CartOwnerResolver.AnonymousId(context);
    }
}
