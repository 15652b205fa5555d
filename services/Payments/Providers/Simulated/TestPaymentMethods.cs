namespace ECommerce.Payments.Providers.Simulated;

/// <summary>A payment method the simulated provider understands, as the config endpoint lists it for the storefront.</summary>
public sealed record TestPaymentMethod(string Id, string Label, string Outcome);

/// <summary>The simulated provider's payment methods: Stripe's test tokens, with the same outcomes Stripe gives them off-session.</summary>
public static class TestPaymentMethods
{
    public const string Visa = "pm_card_visa";
    public const string Mastercard = "pm_card_mastercard";
    public const string ChargeDeclined = "pm_card_chargeDeclined";
    public const string AuthenticationRequired = "pm_card_authenticationRequired";

    /// <summary>Not a Stripe token: stands for methods that settle later (bank debits) and then fail.</summary>
    public const string DelayedFailure = "pm_card_delayedFailure";

    public static readonly IReadOnlyList<TestPaymentMethod> All =
    [
        new(Visa, "Visa (succeeds)", "succeeds"),
        new(Mastercard, "Mastercard (succeeds)", "succeeds"),
        new(ChargeDeclined, "Card declined", "fails: card_declined"),
        new(AuthenticationRequired, "Requires 3-D Secure", "fails: authentication_required (no customer present to authenticate)"),
        new(DelayedFailure, "Fails after processing", "processing, then fails: processing_failed"),
    ];
}
