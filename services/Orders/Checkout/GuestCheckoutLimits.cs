using System.ComponentModel.DataAnnotations;

namespace ECommerce.Orders.Checkout;

/// <summary><c>Orders:GuestCheckout</c>: how many guest checkouts one client address may attempt per window.</summary>
public sealed class GuestCheckoutLimits
{
    [Range(1, 100_000)]
    public int PermitsPerWindow { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 600;
}
