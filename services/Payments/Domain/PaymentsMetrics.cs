using System.Diagnostics.Metrics;

namespace ECommerce.Payments.Domain;

/// <summary>
/// Payment outcomes on the <c>ECommerce.Payments</c> meter (collected by ServiceDefaults' "ECommerce.*" rule): one counter,
/// <c>ecommerce.payments.outcomes</c>, tagged <c>ecommerce.payment.outcome</c> (captured, failed, requires_action,
/// held_for_review, refunded) and, for failures, <c>error.type</c> (the provider's reason, e.g. card_declined).
/// </summary>
public static class PaymentsMetrics
{
    private static readonly Meter Meter = new("ECommerce.Payments");

    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(
        "ecommerce.payments.outcomes", "{payment}", "Payment attempts by how they ended: captured, failed, requires_action (3-D Secure), held_for_review (authorised, not captured), refunded.");

    public static void Captured() => Record("captured");

    public static void RequiresAction() => Record("requires_action");

    public static void HeldForReview() => Record("held_for_review");

    public static void Refunded() => Record("refunded");

    public static void Failed(string reason) =>
        Outcomes.Add(1, new KeyValuePair<string, object?>("ecommerce.payment.outcome", "failed"), new KeyValuePair<string, object?>("error.type", reason));

    private static void Record(string outcome) => Outcomes.Add(1, new KeyValuePair<string, object?>("ecommerce.payment.outcome", outcome));
}
