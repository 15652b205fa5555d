namespace ECommerce.AI.Models;

/// <summary>The order features the risk model scores; the same record comes from a request, the database or a dataset.</summary>
public sealed record RiskFeatures(
    double Amount,
    double AmountToCustomerAverage,
    int PreviousOrders,
    double AccountAgeDays,
    int AddressChangesLast30Days,
    int OrdersLast24Hours,
    int LineCount)
{
    public static readonly string[] Names =
        ["Amount", "AmountToCustomerAverage", "PreviousOrders", "AccountAgeDays", "AddressChangesLast30Days", "OrdersLast24Hours", "LineCount"];

    /// <summary>The model's input vector; amounts on a log scale so a few huge orders do not dominate the splits.</summary>
    public float[] ToVector() =>
    [
        (float)Math.Log(1 + Math.Max(0, Amount)),
        (float)AmountToCustomerAverage,
        PreviousOrders,
        (float)AccountAgeDays,
        AddressChangesLast30Days,
        OrdersLast24Hours,
        LineCount,
    ];
}

/// <summary>A labelled order for the risk model: <see cref="Risky"/> is the (proxy) outcome, <see cref="At"/> orders the split.</summary>
public sealed record RiskExample(DateTimeOffset At, RiskFeatures Features, bool Risky);
