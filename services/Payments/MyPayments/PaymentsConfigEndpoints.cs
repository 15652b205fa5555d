using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Payments.MyPayments;

/// <summary>What the storefront needs to take a payment method: which provider runs, and whether it is a simulation.</summary>
public sealed record PaymentsConfigResponse(string Provider, bool Simulated, string? PublishableKey, IReadOnlyList<TestPaymentMethod> TestPaymentMethods);

public static class PaymentsConfigEndpoints
{
    public static IEndpointRouteBuilder MapPaymentsConfigEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/config", GetConfig)
            .WithTags("Payments")
            .WithSummary("The payment provider in use, its publishable key, and test payment methods (simulated: true means no money moves)")
            .AllowAnonymous();
        return app;
    }

    private static Ok<PaymentsConfigResponse> GetConfig(IPaymentProvider provider, IOptions<PaymentsOptions> options)
    {
        var stripe = options.Value.Stripe;
        var simulated = provider.Name == SimulatedPaymentProvider.ProviderName;
        // Stripe's pm_card_* tokens only work with test-mode keys, so they are offered only then.
        var testMode = simulated || stripe.SecretKey?.StartsWith("sk_test_", StringComparison.Ordinal) == true;
        return TypedResults.Ok(new PaymentsConfigResponse(
            provider.Name,
            simulated,
            simulated ? null : stripe.PublishableKey,
            testMode ? TestPaymentMethods.All : []));
    }
}
