using ECommerce.Contracts;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Place an order: the lines to buy (the storefront sends the cart it showed), where to ship — an <c>addressId</c> from
/// the customer's address book or a full <c>shippingAddress</c>, not both — and a payment provider token.
/// </summary>
public sealed record CheckoutRequest(
    IReadOnlyList<CheckoutLineRequest>? Lines,
    Guid? AddressId,
    PostalAddress? ShippingAddress,
    string? PaymentMethod);

public sealed record CheckoutLineRequest(Guid ProductId, int Quantity);
