namespace ECommerce.Payments.Domain;

/// <summary>Failure reasons published in PaymentFailed, so Orders and the storefront can explain them.</summary>
public static class FailureReasons
{
    public const string CardDeclined = "card_declined";
    public const string AuthenticationRequired = "authentication_required";
    public const string ProcessingFailed = "processing_failed";
    public const string InvalidPaymentMethod = "invalid_payment_method";

    /// <summary>The shopper's bank refused the 3-D Secure check.</summary>
    public const string AuthenticationFailed = "authentication_failed";

    /// <summary>The shopper closed the 3-D Secure challenge without finishing it.</summary>
    public const string AuthenticationAbandoned = "authentication_abandoned";

    /// <summary>The order's total is not a whole number of its currency's minor units (or the currency is unknown): nothing is charged.</summary>
    public const string AmountNotRepresentable = "amount_not_representable";

    /// <summary>
    /// Whether the shopper can fix it by paying again with another method (every provider decline and failed check);
    /// an amount the currency cannot express would fail every attempt, so that order is cancelled instead.
    /// </summary>
    public static bool CanRetry(string reason) => reason != AmountNotRepresentable;
}
