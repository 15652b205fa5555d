using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// What a received return refunds, in minor units. Each line refunds what was paid for its units: the price less the
/// line's share of the discount (allocated at checkout; any order-level remainder spread by line value), plus its tax
/// when prices excluded tax. Units are refunded as slices of the line, so returning a whole line in parts refunds
/// exactly the line. Shipping (with its tax) is refunded once, with the return that leaves nothing of the order kept,
/// or with a return whose reason is the store's fault (damaged, wrong item). Never more than the order's total less
/// earlier return refunds.
/// </summary>
public static class RefundRule
{
    public static (long AmountMinor, bool IncludesShipping) For(Order order, OrderReturn @return)
    {
        var paid = PaidPerLine(order);
        var received = order.Returns.Where(r => r.RefundMinor is not null && r.Id != @return.Id).ToList();
        long amount = 0;
        foreach (var line in @return.Lines)
        {
            var item = order.Items.First(i => i.ProductId == line.ProductId);
            var before = received.SelectMany(r => r.Lines).Where(l => l.ProductId == line.ProductId).Sum(l => l.Quantity);
            var linePaid = paid[item.ProductId];
            amount += (linePaid * (before + line.Quantity) / item.Quantity) - (linePaid * before / item.Quantity);
        }

        var total = Money.ToMinor(order.Total, order.Currency);
        var shipping = Math.Max(0, total - paid.Values.Sum());
        var everythingBack = order.Items.All(i =>
            received.SelectMany(r => r.Lines).Where(l => l.ProductId == i.ProductId).Sum(l => l.Quantity)
            + @return.Lines.Where(l => l.ProductId == i.ProductId).Sum(l => l.Quantity) >= i.Quantity);
        var includesShipping = shipping > 0 && !received.Any(r => r.RefundsShipping)
            && (everythingBack || @return.Lines.Any(l => ReturnReasons.IsStoreFault(l.Reason)));
        if (includesShipping)
        {
            amount += shipping;
        }

        var left = total - received.Sum(r => r.RefundMinor!.Value);
        return (Math.Clamp(amount, 0, Math.Max(0, left)), includesShipping);
    }

    /// <summary>What the shopper paid for each whole line, in minor units.</summary>
    public static Dictionary<Guid, long> PaidPerLine(Order order)
    {
        long Minor(decimal amount) => Money.ToMinor(amount, order.Currency);
        var gross = order.Items.ToDictionary(i => i.ProductId, i => Minor(i.LineTotal));
        var grossTotal = gross.Values.Sum();
        var remainder = Math.Max(0, Minor(order.Discount) - order.Items.Sum(i => Minor(i.Discount)));
        return order.Items.ToDictionary(
            i => i.ProductId,
            i => gross[i.ProductId] - Minor(i.Discount)
                 - (grossTotal == 0 ? 0 : remainder * gross[i.ProductId] / grossTotal)
                 + (order.PricesIncludeTax ? 0 : Minor(i.Tax)));
    }
}
