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
        $"unsettled when polling stopped {Unsettled}, paid with a declining card {PaidWithDecliningCard}";
}
