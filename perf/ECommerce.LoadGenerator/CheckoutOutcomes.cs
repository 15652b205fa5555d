using System.Globalization;

namespace ECommerce.LoadGenerator;

/// <summary>How the orders the shoppers placed ended, as they saw it by polling their order.</summary>
public sealed class CheckoutOutcomes
{
    private long _placed;
    private long _paid;
    private long _declined;
    private long _cancelledOther;
    private long _unsettled;
    private long _paidWithDecliningCard;

    public long Placed => Interlocked.Read(ref _placed);

    public long Paid => Interlocked.Read(ref _paid);

    /// <summary>Awaiting payment (or, before retries, cancelled) after the declining card was used: the expected ending.</summary>
    public long Declined => Interlocked.Read(ref _declined);

    /// <summary>Cancelled for another reason (out of stock, timeout).</summary>
    public long CancelledOther => Interlocked.Read(ref _cancelledOther);

    /// <summary>Still Pending or StockReserved when the shopper stopped polling (the invariants decide if that is wrong).</summary>
    public long Unsettled => Interlocked.Read(ref _unsettled);

    /// <summary>Paid although the card declines: must be zero.</summary>
    public long PaidWithDecliningCard => Interlocked.Read(ref _paidWithDecliningCard);

    private readonly List<double> _placedToPaidMs = [];

    /// <summary>
    /// Place → Paid as the order's own history says (its creation time to the Paid transition's), so the shoppers'
    /// 250 ms polling does not blur it: the saga's messaging hops and handlers, nothing of the load generator.
    /// </summary>
    public void RecordPlacedToPaid(TimeSpan elapsed)
    {
        lock (_placedToPaidMs)
        {
            _placedToPaidMs.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>"place → Paid (server) p50 … p95 … p99 … ms over N orders", or empty when no order was paid.</summary>
    public string PlacedToPaidSummary()
    {
        double[] sorted;
        lock (_placedToPaidMs)
        {
            sorted = [.. _placedToPaidMs.Order()];
        }

        if (sorted.Length == 0)
        {
            return "";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"place → Paid (server, from the order's history) p50 {StepStats.Percentile(sorted, 0.5):0} ms, " +
            $"p95 {StepStats.Percentile(sorted, 0.95):0} ms, p99 {StepStats.Percentile(sorted, 0.99):0} ms, max {sorted[^1]:0} ms over {sorted.Length} orders");
    }

    public void Record(bool declining, string? status, string? reason)
    {
        Interlocked.Increment(ref _placed);
        switch (status)
        {
            case "Paid":
                Interlocked.Increment(ref (declining ? ref _paidWithDecliningCard : ref _paid));
                break;
            case "AwaitingPayment" when declining:
            case "Cancelled" when declining && reason is not null && reason.Contains("declined", StringComparison.OrdinalIgnoreCase):
                Interlocked.Increment(ref _declined);
                break;
            case "Cancelled":
                Interlocked.Increment(ref _cancelledOther);
                break;
            default:
                Interlocked.Increment(ref _unsettled);
                break;
        }
    }

    public override string ToString() =>
        $"orders placed {Placed}: paid {Paid}, declined as expected {Declined}, cancelled otherwise {CancelledOther}, " +
        $"unsettled when polling stopped {Unsettled}, paid with a declining card {PaidWithDecliningCard}" +
        (PlacedToPaidSummary() is { Length: > 0 } paid ? Environment.NewLine + paid : "");
}
