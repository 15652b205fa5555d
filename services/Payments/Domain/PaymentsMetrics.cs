using System.Diagnostics.Metrics;

namespace ECommerce.Payments.Domain;

/// <summary>Payment counters on the <c>ECommerce.Payments</c> meter (collected by ServiceDefaults' "ECommerce.*" rule).</summary>
public static class PaymentsMetrics
{
    private static readonly Meter Meter = new("ECommerce.Payments");

    public static readonly Counter<long> Captured = Meter.CreateCounter<long>("payments.captured");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("payments.failed");
    public static readonly Counter<long> Refunded = Meter.CreateCounter<long>("payments.refunded");
}
