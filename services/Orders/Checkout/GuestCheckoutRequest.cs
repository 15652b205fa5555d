using ECommerce.Contracts;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Buy without an account: the anonymous server cart (the <c>X-Cart-Id</c> header or <c>cart_id</c> cookie) is priced
/// exactly as a customer's checkout prices theirs. <c>email</c> is where the order is known by (and how a verified
/// account later claims it); <c>website</c> is a honeypot the storefront hides, so only a bot fills it in.
/// </summary>
public sealed record GuestCheckoutRequest(
    string? Email,
    PostalAddress? ShippingAddress,
    string? PaymentMethod,
    string? ShippingMethod = null,
    string? QuoteFingerprint = null,
    string? DiscountCode = null,
    string? Website = null)
{
    /// <summary>The customer checkout's request for the same purchase: lines from the cart, the address as given.</summary>
    public CheckoutRequest ToCheckout() => new(null, null, ShippingAddress, PaymentMethod, ShippingMethod, QuoteFingerprint, DiscountCode);
}

/// <summary>The guest's order and the access token of its link (<c>/orders/{id}?access=…</c>), valid until <see cref="AccessExpiresAt"/>.</summary>
public sealed record GuestOrderPlaced(OrderDetail Order, string AccessToken, DateTimeOffset AccessExpiresAt);
