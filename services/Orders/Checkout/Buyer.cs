using ECommerce.Contracts;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>Who places an order: a signed-in customer with their cart, or a guest with an e-mail address and an anonymous cart.</summary>
public sealed record Buyer(string CustomerId, CartOwner Cart, string? GuestEmail)
{
    public static Buyer Customer(string customerId) => new(customerId, CartOwner.Customer(customerId), null);

    /// <summary>A guest's customer id comes from the address (<see cref="GuestCustomers.IdFor"/>), so a verified account can claim it.</summary>
    public static Buyer Guest(string email, string anonymousCartId) =>
        new(GuestCustomers.IdFor(email), CartOwner.Anonymous(anonymousCartId), email.Trim());
}
