using System.Net.Mail;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>A guest checkout's rules: the customer checkout's (<see cref="CheckoutValidator"/>), an e-mail address, and an empty honeypot.</summary>
public static class GuestCheckoutValidator
{
    public const int MaxEmailLength = 254;

    public static ValidationErrors Validate(string? idempotencyKey, GuestCheckoutRequest request, CartLimits limits)
    {
        var errors = CheckoutValidator.Validate(idempotencyKey, request.ToCheckout(), limits);
        var email = request.Email?.Trim();
        errors.Check(email is { Length: > 0 and <= MaxEmailLength } && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email,
            "email", "Enter a valid e-mail address: the order is sent to it and found by it.");
        // A person never sees the field (the storefront hides it); a form-filling bot does, and fills it.
        errors.Check(string.IsNullOrEmpty(request.Website), "website", "Leave this field empty.");
        return errors;
    }
}
