namespace ECommerce.Notifications.Templates;

/// <summary>
/// Payments' failure codes (<c>card_declined</c>, Stripe's decline codes…) as the name of a phrase in the language
/// files, so a shopper reads "your bank declined the card" and never a code.
/// </summary>
public static class PaymentReasons
{
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["card_declined"] = "paymentReasonCardDeclined",
        ["authentication_required"] = "paymentReasonAuthenticationRequired",
        ["authentication_failed"] = "paymentReasonAuthenticationFailed",
        ["authentication_abandoned"] = "paymentReasonAuthenticationAbandoned",
        ["invalid_payment_method"] = "paymentReasonInvalidPaymentMethod",
        ["amount_not_representable"] = "paymentReasonAmountNotRepresentable",
    };

    /// <summary>The phrase reference ("@name", resolved by <see cref="MailRenderer"/>) for a failure code.</summary>
    public static string PhraseFor(string? code) =>
        "@" + (code is not null && Phrases.TryGetValue(code, out var phrase) ? phrase : "paymentReasonOther");
}
