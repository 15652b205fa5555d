namespace ECommerce.Payments.Domain;

/// <summary>Failure reasons published in PaymentFailed, so Orders and the storefront can explain them.</summary>
public static class FailureReasons
{
    public const string CardDeclined = "card_declined";
    public const string AuthenticationRequired = "authentication_required";
    public const string ProcessingFailed = "processing_failed";
    public const string InvalidPaymentMethod = "invalid_payment_method";

    /// <summary>The order's total is not a whole number of its currency's minor units (or the currency is unknown): nothing is charged.</summary>
    public const string AmountNotRepresentable = "amount_not_representable";
}
