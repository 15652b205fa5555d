namespace ECommerce.Orders.Carts;

/// <summary>A cart kept changing under every attempt to change it; the client may simply try again (409).</summary>
public sealed class CartBusyException(string key, int attempts)
    : Exception($"The cart {key} kept changing under {attempts} attempts.");
