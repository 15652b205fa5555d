using ECommerce.Contracts;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Place an order: the lines to buy (omitted: the customer's server cart, as the storefront does), where to ship — an
/// <c>addressId</c> from the customer's address book or a full <c>shippingAddress</c>, not both — a shipping method
/// (omitted: the first one offered), a payment provider token, and the fingerprint of the quote the shopper saw
/// (when given, a different current quote refuses the order with 409 and the new quote instead of charging it), and
/// optionally a discount code.
/// </summary>
public sealed record CheckoutRequest(
    IReadOnlyList<CheckoutLineRequest>? Lines,
    Guid? AddressId,
    PostalAddress? ShippingAddress,
    string? PaymentMethod,
    string? ShippingMethod = null,
    string? QuoteFingerprint = null,
    string? DiscountCode = null);

public sealed record CheckoutLineRequest(Guid ProductId, int Quantity);
