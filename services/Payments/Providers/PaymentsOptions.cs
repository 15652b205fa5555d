using System.ComponentModel.DataAnnotations;

namespace ECommerce.Payments.Providers;

/// <summary>Section <c>Payments</c>: which provider runs and how. Without <c>Payments:Stripe:SecretKey</c> the simulated provider runs.</summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    public StripeOptions Stripe { get; set; } = new();

    public SimulatedOptions Simulated { get; set; } = new();

    public bool UseStripe => !string.IsNullOrWhiteSpace(Stripe.SecretKey);
}

/// <summary>Section <c>Payments:Stripe</c>.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    /// <summary>Given to the storefront by <c>GET /api/payments/config</c>; safe to publish.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The endpoint's signing secret (<c>whsec_…</c>); without it webhooks are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old a webhook's signed timestamp may be before it is treated as a replay.</summary>
    [Range(1, 3600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>Overrides https://api.stripe.com (tests point it at a local fake; stripe-mock works too).</summary>
    public string? ApiBase { get; set; }

    [Range(0, 5)]
    public int MaxNetworkRetries { get; set; } = 2;
}

/// <summary>Section <c>Payments:Simulated</c>.</summary>
public sealed class SimulatedOptions
{
    /// <summary>How long <c>pm_card_delayedFailure</c> stays processing before its failure arrives.</summary>
    public TimeSpan DelayedFailureAfter { get; set; } = TimeSpan.FromSeconds(3);
}
