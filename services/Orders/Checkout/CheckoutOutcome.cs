using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>What a checkout did: created an order, found the one this key already created, or could not.</summary>
public enum CheckoutResult
{
    Created,
    Repeated,
    KeyReused,
    Invalid,
}

public sealed record CheckoutOutcome(CheckoutResult Result, Order? Order = null, ValidationErrors? Errors = null);
