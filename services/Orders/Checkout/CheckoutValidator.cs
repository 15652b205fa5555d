using System.Text.RegularExpressions;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Checkout;

/// <summary>Checks a checkout request at the edge; every error names the field (<c>lines[2].quantity</c>) it is about.</summary>
public static partial class CheckoutValidator
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static ValidationErrors Validate(string? idempotencyKey, CheckoutRequest request, CartLimits limits)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100 || !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors.Add(IdempotencyHeader, "An Idempotency-Key header of 1-100 visible ASCII characters is required (a new UUID per checkout attempt).");
        }

        if (request.Lines is not null)
        {
            ValidateLines(request.Lines, limits, errors);
        }

        ValidateAddress(request, errors);
        errors.Check(request.ShippingMethod is null || QuoteInput.IsShippingCode(request.ShippingMethod),
            "shippingMethod", QuoteInput.ShippingCodeRule);
        errors.Check(request.DiscountCode is null || QuoteInput.IsDiscountCode(request.DiscountCode),
            "discountCode", QuoteInput.DiscountCodeRule);
        errors.Check(request.QuoteFingerprint is null || QuoteInput.IsFingerprint(request.QuoteFingerprint),
            "quoteFingerprint", "The quote fingerprint is the 32 hex digits of the quote shown (its fingerprint field).");

        ValidatePaymentMethod(request.PaymentMethod, errors);
        return errors;
    }

    /// <summary>The payment method rule, for checkout and for paying again after a decline.</summary>
    public static void ValidatePaymentMethod(string? paymentMethod, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(paymentMethod))
        {
            errors.Add("paymentMethod", "A payment method token is required (e.g. pm_card_visa).");
        }
        else if (!PaymentTokenPattern().IsMatch(paymentMethod) || LooksLikeCardNumber().IsMatch(paymentMethod))
        {
            // Card numbers never reach this service: only the provider's token for a payment method does.
            errors.Add("paymentMethod", "The payment method must be a provider token such as pm_card_visa; card data is not accepted.");
        }
    }

    private static void ValidateLines(IReadOnlyList<CheckoutLineRequest> lines, CartLimits limits, ValidationErrors errors)
    {
        if (lines.Count == 0)
        {
            errors.Add("lines", "At least one line is required.");
            return;
        }

        if (lines.Count > limits.MaxLines)
        {
            errors.Add("lines", $"An order holds at most {limits.MaxLines} lines.");
            return;
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                errors.Add($"lines[{i}]", "A line is required.");
                continue;
            }

            if (line.ProductId == Guid.Empty)
            {
                errors.Add($"lines[{i}].productId", "A product id is required.");
            }
            else if (!seen.Add(line.ProductId))
            {
                errors.Add($"lines[{i}].productId", "Each product may appear on one line only.");
            }

            if (line.Quantity < 1 || line.Quantity > limits.MaxQuantityPerLine)
            {
                errors.Add($"lines[{i}].quantity", $"The quantity must be between 1 and {limits.MaxQuantityPerLine}.");
            }
        }
    }

    private static void ValidateAddress(CheckoutRequest request, ValidationErrors errors)
    {
        if (request.AddressId is not null == request.ShippingAddress is not null)
        {
            errors.Add("shippingAddress", "Give either an addressId from the address book or a shippingAddress, not both.");
            return;
        }

        if (request.AddressId == Guid.Empty)
        {
            errors.Add("addressId", "The address id is not valid.");
        }

        // The one address rule set (ECommerce.Contracts), the same as Users' address book, fields named shippingAddress.*.
        request.ShippingAddress?.Validate(errors, "shippingAddress");
    }

    [GeneratedRegex("^[\\x21-\\x7E]+$")]
    private static partial Regex IdempotencyKeyPattern();

    [GeneratedRegex("^pm_[A-Za-z0-9_]{1,96}$")]
    private static partial Regex PaymentTokenPattern();

    /// <summary>Twelve or more digits in a row (card numbers have 12-19) are refused even inside an otherwise valid token.</summary>
    [GeneratedRegex("[0-9]{12,}")]
    private static partial Regex LooksLikeCardNumber();
}
