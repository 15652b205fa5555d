namespace ECommerce.LoadGenerator;

/// <summary>The invariants as numbers: every count but <see cref="OrdersInFlight"/> must be zero.</summary>
public sealed record InvariantReport(
    long OversoldProducts,
    long ReservedMismatches,
    long OrdersStuckBeyondTimeout,
    long OrdersInFlight,
    long PaymentsWithoutOrders,
    long OrdersCapturedTwice,
    long PaidOrdersWithoutCapture,
    long CancelledOrdersKeepingMoney,
    long DeadLetters,
    IReadOnlyDictionary<string, long> UnsentOutbox)
{
    public long Violations =>
        OversoldProducts + ReservedMismatches + OrdersStuckBeyondTimeout + PaymentsWithoutOrders + OrdersCapturedTwice
        + PaidOrdersWithoutCapture + CancelledOrdersKeepingMoney + DeadLetters + UnsentOutbox.Values.Sum();

    public IEnumerable<string> Lines()
    {
        yield return $"oversold products (available or reserved below zero)      {OversoldProducts}";
        yield return $"reserved units not matching open reservations (products)  {ReservedMismatches}";
        yield return $"orders stuck beyond their timeout                         {OrdersStuckBeyondTimeout}";
        yield return $"orders still in flight (Pending/StockReserved, in time)   {OrdersInFlight}";
        yield return $"payments without an order                                 {PaymentsWithoutOrders}";
        yield return $"orders captured more than once (ledger)                   {OrdersCapturedTwice}";
        yield return $"paid orders without a capture                             {PaidOrdersWithoutCapture}";
        yield return $"cancelled orders whose capture was not refunded           {CancelledOrdersKeepingMoney}";
        yield return $"dead-lettered messages                                    {DeadLetters}";
        foreach (var (database, count) in UnsentOutbox)
        {
            yield return $"outbox rows not yet sent in {database,-12}                  {count}";
        }

        yield return $"VIOLATIONS                                                {Violations}";
    }
}
