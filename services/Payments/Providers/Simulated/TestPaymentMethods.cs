namespace ECommerce.Payments.Providers.Simulated;

/// <summary>A payment method the simulated provider understands, as the config endpoint lists it for the storefront.</summary>
public sealed record TestPaymentMethod(string Id, string Label, string Outcome);

/// <summary>The simulated provider's payment methods: Stripe's test tokens, with the outcomes Stripe gives them with the shopper present.</summary>
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
        new(Visa, "Visa (succeeds)", "Payment succeeds."),
        new(Mastercard, "Mastercard (succeeds)", "Payment succeeds."),
        new(ChargeDeclined, "Card declined", "The bank declines it; you can then pay with another card."),
        new(AuthenticationRequired, "Requires 3-D Secure", "Your bank asks you to confirm the payment (a simulated check)."),
        new(DelayedFailure, "Fails after processing", "Accepted at first, then fails a few seconds later."),
    ];
}
