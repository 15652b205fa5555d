namespace ECommerce.Payments.Providers.Simulated;

/// <summary>A payment method the simulated provider understands, as the config endpoint lists it for the storefront.</summary>
public sealed record TestPaymentMethod(string Id, string Label, string Outcome);

/// <summary>
/// The simulated provider's payment methods: Stripe's test tokens, with the outcomes Stripe gives them with the shopper
/// present, labelled in shopper words (the storefront shows them; never a provider reason code).
/// </summary>
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
        new(Visa, "Test card: Visa", "The payment goes through."),
        new(Mastercard, "Test card: Mastercard", "The payment goes through."),
        new(ChargeDeclined, "Test card: declined by the bank", "You can then try paying another way."),
        new(AuthenticationRequired, "Test card: your bank asks you to confirm", "A simulated 3-D Secure check."),
        new(DelayedFailure, "Test card: fails after processing", "Accepted at first, then the bank turns it down a few seconds later."),
    ];
}
