using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>What a checkout did: created an order, found the one this key already created, found the quote changed, or could not.</summary>
public enum CheckoutResult
{
    Created,
    Repeated,
    KeyReused,
    Invalid,

    /// <summary>The current quote differs from the one the shopper saw: nothing was placed or charged.</summary>
    QuoteChanged,
}

public sealed record CheckoutOutcome(CheckoutResult Result, Order? Order = null, ValidationErrors? Errors = null, Quote? Quote = null);
