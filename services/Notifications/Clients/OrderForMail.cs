using ECommerce.Contracts;

namespace ECommerce.Notifications.Clients;

/// <summary>Orders' <c>GET /internal/orders/{id}</c>, the part of it a mail shows.</summary>
public sealed record OrderForMail(Guid Id, string Number, string CustomerId, string? GuestEmail, string? GuestAccessToken, OrderForMailDetail Order);

public sealed record OrderForMailDetail(
    string Currency,
    decimal Subtotal,
    decimal Discount,
    decimal Shipping,
    decimal Tax,
    decimal Total,
    bool PricesIncludeTax,
    IReadOnlyList<OrderForMailLine> Lines,
    PostalAddress ShippingAddress,
    OrderForMailShipping? ShippingMethod);

public sealed record OrderForMailLine(string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal, string? VariantLabel = null)
{
    /// <summary>The line as the shopper chose it: "Linen Shirt (Blue / M)", or the name alone.</summary>
    public string DisplayName => VariantLabel is null ? Name : $"{Name} ({VariantLabel})";
}

public sealed record OrderForMailShipping(string Name, DateOnly? EarliestDelivery, DateOnly? LatestDelivery);

/// <summary>Users' <c>GET /internal/users/{id}/contact</c>.</summary>
public sealed record ContactForMail(string UserId, string Email, string DisplayName, string Language);
