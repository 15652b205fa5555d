using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>The transition table and the order's own rules, without any infrastructure.</summary>
public sealed class OrderStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_happy_path_runs_from_pending_to_delivered()
    {
        var status = OrderStatus.Pending;
        foreach (var (trigger, expected) in new[]
        {
            (OrderTrigger.StockReserved, OrderStatus.StockReserved), (OrderTrigger.PaymentSucceeded, OrderStatus.Paid),
            (OrderTrigger.Ship, OrderStatus.Shipped), (OrderTrigger.Deliver, OrderStatus.Delivered),
        })
        {
            var outcome = OrderStateMachine.Decide(status, trigger);
            Assert.Equal(TransitionKind.Moved, outcome.Kind);
            Assert.Equal(expected, outcome.To);
            status = outcome.To;
        }
    }

    [Theory]
    [InlineData(OrderStatus.Pending, OrderTrigger.StockRejected)]
    [InlineData(OrderStatus.Pending, OrderTrigger.PaymentFailed)]
    [InlineData(OrderStatus.StockReserved, OrderTrigger.PaymentFailed)]
    [InlineData(OrderStatus.Pending, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.StockReserved, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.Paid, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.Pending, OrderTrigger.Timeout)]
    [InlineData(OrderStatus.StockReserved, OrderTrigger.Timeout)]
    public void Failures_cancellations_and_timeouts_end_in_cancelled(OrderStatus from, OrderTrigger trigger) =>
        Assert.Equal(new TransitionOutcome(TransitionKind.Moved, from, OrderStatus.Cancelled), OrderStateMachine.Decide(from, trigger));

    [Fact]
    public void A_payment_handled_before_its_reservation_still_pays_the_order() =>
        Assert.Equal(OrderStatus.Paid, OrderStateMachine.Decide(OrderStatus.Pending, OrderTrigger.PaymentSucceeded).To);

    [Theory]
    [InlineData(OrderStatus.StockReserved, OrderTrigger.StockReserved)]
    [InlineData(OrderStatus.Paid, OrderTrigger.StockReserved)]
    [InlineData(OrderStatus.Paid, OrderTrigger.PaymentSucceeded)]
    [InlineData(OrderStatus.Paid, OrderTrigger.PaymentFailed)]
    [InlineData(OrderStatus.Paid, OrderTrigger.Timeout)]
    [InlineData(OrderStatus.Cancelled, OrderTrigger.StockRejected)]
    [InlineData(OrderStatus.Cancelled, OrderTrigger.Timeout)]
    [InlineData(OrderStatus.Shipped, OrderTrigger.PaymentFailed)]
    public void Repeated_and_stale_events_are_ignored(OrderStatus from, OrderTrigger trigger) =>
        Assert.Equal(TransitionKind.Ignored, OrderStateMachine.Decide(from, trigger).Kind);

    [Theory]
    [InlineData(OrderStatus.Shipped, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.Delivered, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.Cancelled, OrderTrigger.CustomerCancel)]
    [InlineData(OrderStatus.Pending, OrderTrigger.Ship)]
    [InlineData(OrderStatus.StockReserved, OrderTrigger.Ship)]
    [InlineData(OrderStatus.Paid, OrderTrigger.Deliver)]
    public void Commands_the_status_does_not_allow_are_refused(OrderStatus from, OrderTrigger trigger) =>
        Assert.Equal(TransitionKind.Refused, OrderStateMachine.Decide(from, trigger).Kind);

    [Fact]
    public void Nothing_leaves_delivered_or_cancelled()
    {
        foreach (var trigger in Enum.GetValues<OrderTrigger>())
        {
            Assert.False(OrderStateMachine.Decide(OrderStatus.Delivered, trigger).Moved);
            Assert.False(OrderStateMachine.Decide(OrderStatus.Cancelled, trigger).Moved);
        }
    }

    [Fact]
    public void Every_move_writes_one_history_row_and_ignored_events_write_none()
    {
        var order = NewOrder();
        order.Apply(OrderTrigger.StockReserved, "products", "reserved", Now);
        order.Apply(OrderTrigger.StockReserved, "products", "again", Now);
        order.CapturePayment(Guid.NewGuid(), "payments", "captured", Now);
        order.CapturePayment(Guid.NewGuid(), "payments", "captured again", Now);

        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(["Placed", "StockReserved", "PaymentSucceeded"], order.History.Select(h => h.Trigger));
        Assert.Equal([null, OrderStatus.Pending, OrderStatus.StockReserved], order.History.Select(h => h.From));
    }

    [Fact]
    public void A_capture_arriving_after_a_cancel_is_compensated_once()
    {
        var order = NewOrder();
        order.Apply(OrderTrigger.Timeout, "system", "timeout", Now);

        Assert.Equal(TransitionKind.Compensate, order.CapturePayment(Guid.NewGuid(), "payments", "late", Now).Kind);
        Assert.True(order.WasPaid);
        Assert.Equal(TransitionKind.Ignored, order.CapturePayment(Guid.NewGuid(), "payments", "late again", Now).Kind);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("timeout", order.CancellationReason);
    }

    [Fact]
    public void A_capture_repeated_after_a_paid_cancel_needs_no_second_refund()
    {
        var order = NewOrder();
        order.CapturePayment(Guid.NewGuid(), "payments", "captured", Now);
        order.Apply(OrderTrigger.CustomerCancel, "customer", "changed my mind", Now);

        Assert.True(order.WasPaid);
        Assert.Equal(TransitionKind.Ignored, order.CapturePayment(Guid.NewGuid(), "payments", "repeat", Now).Kind);
    }

    [Fact]
    public void A_late_reservation_is_released_only_if_the_cancel_did_not_already_release_one()
    {
        var cancelledWhilePending = NewOrder();
        cancelledWhilePending.Apply(OrderTrigger.CustomerCancel, "customer", "no", Now);
        Assert.Equal(TransitionKind.Compensate, cancelledWhilePending.Apply(OrderTrigger.StockReserved, "products", "late", Now).Kind);
        Assert.Equal(TransitionKind.Ignored, cancelledWhilePending.Apply(OrderTrigger.StockReserved, "products", "late again", Now).Kind);

        var cancelledWhileReserved = NewOrder();
        cancelledWhileReserved.Apply(OrderTrigger.StockReserved, "products", "reserved", Now);
        cancelledWhileReserved.Apply(OrderTrigger.PaymentFailed, "payments", "declined", Now);
        Assert.Equal(TransitionKind.Ignored, cancelledWhileReserved.Apply(OrderTrigger.StockReserved, "products", "repeat", Now).Kind);
    }

    [Fact]
    public void Anonymising_keeps_the_amounts_and_lines_but_not_the_person()
    {
        var order = NewOrder();
        order.Anonymise(Now);

        Assert.StartsWith("deleted:", order.CustomerId, StringComparison.Ordinal);
        Assert.Equal("(deleted)", order.ShippingAddress.Recipient);
        Assert.Null(order.ShippingAddress.Phone);
        Assert.Equal("GB", order.ShippingAddress.Country);
        Assert.Equal(24m, order.Total);
        Assert.Single(order.Items);
    }

    /// <summary>2 × £10 in a tax-exclusive store with free shipping: £20 + 20% VAT = £24.</summary>
    internal static Order NewOrder() => Order.Place("customer-1", "key-1", "hash",
        QuoteCalculator.Calculate([new PricedProduct(Guid.NewGuid(), "S", "N", 2, 1000, TaxClasses.Standard, 500)], "GBP", "GB",
            [new ShippingMethod { Code = "free", Name = "Free", Countries = ["GB"], RateKind = ShippingRateKind.Flat }], null, null,
            new TaxRules { PricesIncludeTax = false }, new DateOnly(2026, 12, 2)),
        new ShippingAddress { Recipient = "Ada", Line1 = "1 Way", City = "London", Postcode = "N1", Country = "GB", Phone = "0123" }, "pm_card_visa", Now);
}
