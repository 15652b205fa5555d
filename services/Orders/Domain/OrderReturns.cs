using ECommerce.Contracts;

namespace ECommerce.Orders.Domain;

/// <summary>
/// The order's returns: delivered units may be returned within the window, each line at most once over (requested and
/// approved returns count; rejected ones do not). The back office decides, then receives the items, which asks
/// Payments for the refund (<see cref="RefundRule"/>). Every step is a timeline entry and an event.
/// </summary>
public sealed partial class Order
{
    public List<OrderReturn> Returns { get; private set; } = [];

    /// <summary>Units of a line in returns that still count (requested, approved, received, refunded).</summary>
    public int ReturnedQuantity(Guid productId) =>
        Returns.Where(r => r.Holds).SelectMany(r => r.Lines).Where(l => l.ProductId == productId).Sum(l => l.Quantity);

    /// <summary>Delivered units of a line not yet in a return.</summary>
    public int ReturnableQuantity(Guid productId) => DeliveredQuantity(productId) - ReturnedQuantity(productId);

    /// <summary>The latest delivery plus the window; for orders delivered before windows were recorded, the delivery's status change.</summary>
    public DateTimeOffset? ReturnDeadline(TimeSpan window) =>
        ReturnsOpenUntil ?? (Status == OrderStatus.Delivered ? StatusChangedAt + window : null);

    public (OrderReturn? Return, FulfilmentError? Error) RequestReturn(
        IReadOnlyList<(Guid ProductId, int Quantity, string Reason)> lines, string? note, TimeSpan window, string actor, DateTimeOffset now)
    {
        if (!Items.Any(i => DeliveredQuantity(i.ProductId) > 0))
        {
            return (null, FulfilmentError.State("Nothing of this order has been delivered yet."));
        }

        if (ReturnDeadline(window) is { } deadline && now > deadline)
        {
            return (null, FulfilmentError.State($"The return window closed on {deadline:yyyy-MM-dd}."));
        }

        if (lines.Count == 0)
        {
            return (null, new FulfilmentError("lines", "Choose at least one line to return."));
        }

        var items = new List<ReturnItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (productId, quantity, reason) = lines[i];
            var item = Items.FirstOrDefault(x => x.ProductId == productId);
            if (item is null || lines.Take(i).Any(l => l.ProductId == productId))
            {
                return (null, new FulfilmentError($"lines[{i}].productId", item is null ? "Not a line of this order." : "The line appears twice."));
            }

            var left = ReturnableQuantity(productId);
            if (quantity < 1 || quantity > left)
            {
                return (null, new FulfilmentError($"lines[{i}].quantity", left == 0
                    ? $"No delivered unit of {item.Sku} is left to return."
                    : $"Between 1 and {left} of {item.Sku} can be returned."));
            }

            if (!ReturnReasons.All.Contains(reason))
            {
                return (null, new FulfilmentError($"lines[{i}].reason", $"One of: {string.Join(", ", ReturnReasons.All)}."));
            }

            items.Add(new ReturnItem(productId, item.Sku, quantity, reason));
        }

        var @return = new OrderReturn { Id = Guid.CreateVersion7(now), OrderId = Id, Status = ReturnStatus.Requested, Lines = items, Note = note, RequestedAt = now };
        Returns.Add(@return);
        FulfilmentRevision++;
        Record("ReturnRequested", actor, $"return requested: {Describe(@return)}", now);
        Owe(new ReturnRequested(Id, CustomerId, @return.Id, [.. items.Select(l => new ReturnLine(l.ProductId, l.Sku, l.Quantity, l.Reason))]));
        return (@return, null);
    }

    public FulfilmentError? ApproveReturn(OrderReturn @return, string actor, DateTimeOffset now)
    {
        if (@return.Status != ReturnStatus.Requested)
        {
            return FulfilmentError.State($"A return that is {@return.Status} cannot be approved.");
        }

        @return.Status = ReturnStatus.Approved;
        @return.DecidedAt = now;
        FulfilmentRevision++;
        Record("ReturnApproved", actor, $"return approved: {Describe(@return)}", now);
        Owe(new ReturnApproved(Id, CustomerId, @return.Id));
        return null;
    }

    public FulfilmentError? RejectReturn(OrderReturn @return, string reason, string actor, DateTimeOffset now)
    {
        if (@return.Status != ReturnStatus.Requested)
        {
            return FulfilmentError.State($"A return that is {@return.Status} cannot be rejected.");
        }

        @return.Status = ReturnStatus.Rejected;
        @return.DecidedAt = now;
        @return.RejectionReason = reason;
        FulfilmentRevision++;
        Record("ReturnRejected", actor, $"return rejected: {reason}", now);
        Owe(new ReturnRejected(Id, CustomerId, @return.Id, reason));
        return null;
    }

    /// <summary>
    /// The items arrived: each line restocked or written off (<paramref name="restock"/> by product, one per line);
    /// the refund is worked out now and asked of Payments (RefundRequested, once per return: its id is the request id).
    /// </summary>
    public FulfilmentError? ReceiveReturn(OrderReturn @return, IReadOnlyDictionary<Guid, bool> restock, string actor, DateTimeOffset now)
    {
        if (@return.Status != ReturnStatus.Approved)
        {
            return FulfilmentError.State($"A return that is {@return.Status} cannot be received: approve it first.");
        }

        if (@return.Lines.FirstOrDefault(l => !restock.ContainsKey(l.ProductId)) is { } missing)
        {
            return new FulfilmentError("lines", $"Say whether {missing.Sku} is restocked or written off.");
        }

        var (refund, shipping) = RefundRule.For(this, @return);
        @return.Lines = [.. @return.Lines.Select(l => l with { Restock = restock[l.ProductId] })];
        @return.Status = ReturnStatus.Received;
        @return.ReceivedAt = now;
        @return.RefundMinor = refund;
        @return.RefundsShipping = shipping;
        FulfilmentRevision++;
        var restocked = string.Join(", ", @return.Lines.Select(l => $"{l.Quantity} × {l.Sku} {(l.Restock == true ? "restocked" : "written off")}"));
        Record("ReturnReceived", actor, $"return received: {restocked}; refund {Money.FromMinor(refund, Currency)} {Currency}{(shipping ? " including shipping" : "")}", now);
        Owe(new ReturnReceived(Id, CustomerId, @return.Id,
            [.. @return.Lines.Select(l => new ReceivedReturnLine(l.ProductId, l.Sku, l.Quantity, l.Restock == true))], refund, Currency));
        if (refund > 0)
        {
            Owe(new RefundRequested(Id, @return.Id, refund, Currency, $"return {@return.Id}"));
        }

        return null;
    }

    /// <summary>Payments refunded an amount: the received return waiting for exactly that refund is now refunded.</summary>
    public void MatchReturnRefund(long amountMinor, DateTimeOffset now)
    {
        if (Returns.Where(r => r.Status == ReturnStatus.Received && r.RefundMinor == amountMinor).OrderBy(r => r.ReceivedAt).FirstOrDefault() is { } @return)
        {
            @return.Status = ReturnStatus.Refunded;
            @return.RefundedAt = now;
            FulfilmentRevision++;
        }
    }

    private static string Describe(OrderReturn @return) => string.Join(", ", @return.Lines.Select(l => $"{l.Quantity} × {l.Sku} ({l.Reason})"));
}
