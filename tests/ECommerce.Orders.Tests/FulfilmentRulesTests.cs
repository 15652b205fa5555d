using ECommerce.Contracts;
using ECommerce.Orders.Domain;

namespace ECommerce.Orders.Tests;

/// <summary>Shipments, returns and the refund rule on the order itself, without any infrastructure.</summary>
public sealed class FulfilmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Carrier RoyalMail = Carriers.Find("royal-mail")!;

    [Fact]
    public void The_order_and_its_amounts_are_what_the_refund_tests_assume()
    {
        var order = PaidOrder();
        Assert.Equal(60m, order.Total);
        Assert.Equal(new Dictionary<Guid, long> { [A] = 2160, [B] = 3240 }, RefundRule.PaidPerLine(order));
    }

    [Fact]
    public void An_order_shipped_in_two_parts_is_partially_shipped_then_shipped_with_the_lines_on_each_event()
    {
        var order = PaidOrder();

        var (first, error) = order.Ship([(A, 2)], RoyalMail, "RM1", "admin:1", Now);
        Assert.Null(error);
        Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
        Assert.Equal("https://www.royalmail.com/track-your-item#/tracking-results/RM1", first!.TrackingUrl);
        var partial = Assert.Single(order.TakeOwedEvents().OfType<OrderShipped>());
        Assert.False(partial.OrderComplete);
        Assert.Equal(first.Id, partial.ShipmentId);
        Assert.Equal([(A, 2)], partial.Lines!.Select(l => (l.ProductId, l.Quantity)));

        order.Ship([(B, 1)], Carriers.Find("dpd")!, "DPD 2", "admin:1", Now);
        Assert.Equal(OrderStatus.Shipped, order.Status);
        var last = Assert.Single(order.TakeOwedEvents().OfType<OrderShipped>());
        Assert.True(last.OrderComplete);
        Assert.Equal("https://track.dpd.co.uk/parcels/DPD%202", last.TrackingUrl);
        Assert.Equal([OrderStatus.PartiallyShipped, OrderStatus.Shipped], order.History.Where(h => h.Trigger.StartsWith("Ship", StringComparison.Ordinal)).Select(h => h.To));
    }

    [Fact]
    public void A_shipment_cannot_ship_more_than_is_left_of_a_line()
    {
        var order = PaidOrder();
        Assert.Equal("lines[0].quantity", order.Ship([(A, 3)], RoyalMail, "RM1", "admin:1", Now).Error?.Field);
        order.Ship([(A, 1)], RoyalMail, "RM1", "admin:1", Now);

        var (shipment, error) = order.Ship([(B, 1), (A, 2)], RoyalMail, "RM2", "admin:1", Now);

        Assert.Null(shipment);
        Assert.Equal("lines[1].quantity", error?.Field);
        Assert.Single(order.Shipments);
        Assert.Equal("lines[0].productId", order.Ship([(Guid.NewGuid(), 1)], RoyalMail, "RM3", "admin:1", Now).Error?.Field);
    }

    [Fact]
    public void An_unpaid_order_cannot_ship()
    {
        var order = OrderStateMachineTests.NewOrder();
        var error = order.Ship([(order.Items[0].ProductId, 1)], RoyalMail, "RM1", "admin:1", Now).Error;
        Assert.True(error?.Conflict);
    }

    [Fact]
    public void The_order_is_delivered_when_its_last_shipment_arrives()
    {
        var order = PaidOrder();
        var (first, _) = order.Ship([(A, 2)], RoyalMail, "RM1", "admin:1", Now);
        var (second, _) = order.Ship([(B, 1)], RoyalMail, "RM2", "admin:1", Now);
        order.TakeOwedEvents();

        Assert.Null(order.Deliver(first!, Window, "admin:1", Now));
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Empty(order.TakeOwedEvents());
        Assert.True(order.Deliver(first!, Window, "admin:1", Now)?.Conflict);

        order.Deliver(second!, Window, "admin:1", Now.AddDays(1));

        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(Now.AddDays(31), order.ReturnsOpenUntil);
        Assert.Equal(Now.AddDays(1), Assert.Single(order.TakeOwedEvents().OfType<OrderDelivered>()).DeliveredAt);
    }

    [Fact]
    public void A_return_is_refused_after_the_window_and_accepted_within_it()
    {
        var late = DeliveredOrder();
        var refused = late.RequestReturn([(A, 1, "no_longer_needed")], null, Window, "customer", Now.AddDays(30).AddMinutes(1)).Error;
        Assert.True(refused?.Conflict);

        var (accepted, error) = DeliveredOrder().RequestReturn([(A, 1, "no_longer_needed")], null, Window, "customer", Now.AddDays(29));
        Assert.Null(error);
        Assert.Equal(ReturnStatus.Requested, accepted!.Status);
    }

    [Fact]
    public void A_return_cannot_take_more_than_was_delivered_less_what_is_already_returned()
    {
        var order = DeliveredOrder();
        Assert.Equal("lines[0].quantity", order.RequestReturn([(A, 3, "damaged")], null, Window, "customer", Now).Error?.Field);
        var (first, _) = order.RequestReturn([(A, 2, "damaged")], null, Window, "customer", Now);

        Assert.Equal("lines[0].quantity", order.RequestReturn([(A, 1, "damaged")], null, Window, "customer", Now).Error?.Field);
        order.RejectReturn(first!, "no damage in the photos", "admin:1", Now);
        Assert.Null(order.RequestReturn([(A, 1, "damaged")], null, Window, "customer", Now).Error);
        Assert.Equal("lines[0].reason", order.RequestReturn([(B, 1, "bored")], null, Window, "customer", Now).Error?.Field);
    }

    [Fact]
    public void Only_delivered_units_can_be_returned()
    {
        var order = PaidOrder();
        var (first, _) = order.Ship([(A, 2)], RoyalMail, "RM1", "admin:1", Now);
        order.Ship([(B, 1)], RoyalMail, "RM2", "admin:1", Now);
        order.Deliver(first!, Window, "admin:1", Now);

        Assert.Equal("lines[0].quantity", order.RequestReturn([(B, 1, "damaged")], null, Window, "customer", Now).Error?.Field);
        Assert.Null(order.RequestReturn([(A, 1, "damaged")], null, Window, "customer", Now).Error);
    }

    [Fact]
    public void A_return_refunds_the_discounted_taxed_price_and_the_shipping_only_with_the_last_units()
    {
        var order = DeliveredOrder();
        Assert.Equal((1080, false), Receive(order, [(A, 1, "no_longer_needed")]));

        Assert.Equal((1080 + 3240 + 600, true), Receive(order, [(A, 1, "no_longer_needed"), (B, 1, "other")]));
        Assert.Equal(6000, order.Returns.Sum(r => r.RefundMinor));
        var events = order.TakeOwedEvents();
        Assert.Equal([1080L, 4920L], events.OfType<RefundRequested>().Select(r => r.AmountMinor));
        Assert.Equal(order.Returns.Select(r => r.Id), events.OfType<RefundRequested>().Select(r => r.RequestId));
        Assert.Equal(2, events.OfType<ReturnReceived>().Count());
    }

    [Fact]
    public void A_damaged_or_wrong_item_refunds_the_shipping_too_but_only_once()
    {
        var order = DeliveredOrder();
        Assert.Equal((3240 + 600, true), Receive(order, [(B, 1, "damaged")]));
        Assert.Equal((1080, false), Receive(order, [(A, 1, "wrong_item")]));
    }

    [Fact]
    public void A_return_is_received_only_once_approved_and_with_a_choice_for_every_line()
    {
        var order = DeliveredOrder();
        var (@return, _) = order.RequestReturn([(A, 1, "damaged"), (B, 1, "damaged")], null, Window, "customer", Now);
        Assert.True(order.ReceiveReturn(@return!, new Dictionary<Guid, bool> { [A] = true, [B] = true }, "admin:1", Now)?.Conflict);
        order.ApproveReturn(@return!, "admin:1", Now);

        Assert.Equal("lines", order.ReceiveReturn(@return!, new Dictionary<Guid, bool> { [A] = true }, "admin:1", Now)?.Field);
        Assert.Null(order.ReceiveReturn(@return!, new Dictionary<Guid, bool> { [A] = true, [B] = false }, "admin:1", Now));
        var received = Assert.Single(order.TakeOwedEvents().OfType<ReturnReceived>());
        Assert.Equal([true, false], received.Lines.Select(l => l.Restock));
        Assert.Equal(
            ["ReturnRequested", "ReturnApproved", "ReturnReceived"],
            order.History.Where(h => h.Trigger.StartsWith("Return", StringComparison.Ordinal)).Select(h => h.Trigger));
    }

    [Fact]
    public void A_refund_from_payments_marks_the_return_refunded()
    {
        var order = DeliveredOrder();
        Receive(order, [(A, 1, "no_longer_needed")]);

        order.MatchReturnRefund(999, Now);
        Assert.Equal(ReturnStatus.Received, order.Returns[0].Status);
        order.MatchReturnRefund(1080, Now);
        Assert.Equal(ReturnStatus.Refunded, order.Returns[0].Status);
    }

    private static (long, bool) Receive(Order order, IReadOnlyList<(Guid, int, string)> lines)
    {
        var (@return, error) = order.RequestReturn(lines, null, Window, "customer", Now);
        Assert.Null(error);
        order.ApproveReturn(@return!, "admin:1", Now);
        Assert.Null(order.ReceiveReturn(@return!, lines.ToDictionary(l => l.Item1, _ => true), "admin:1", Now));
        return (@return!.RefundMinor!.Value, @return.RefundsShipping);
    }

    private static Order DeliveredOrder()
    {
        var order = PaidOrder();
        order.Ship([(A, 2), (B, 1)], RoyalMail, "RM1", "admin:1", Now);
        Assert.Null(order.DeliverAll(Window, "admin:1", Now));
        return order;
    }

    /// <summary>
    /// Tax-exclusive store, 20% VAT, 10% off everything, £5 shipping: A 2 × £10 → £18 + £3.60 = £21.60; B 1 × £30 →
    /// £27 + £5.40 = £32.40; shipping £5 + £1 = £6; total £60.
    /// </summary>
    private static Order PaidOrder()
    {
        var quote = QuoteCalculator.Calculate(
            [new PricedProduct(A, "SKU-A", "A", 2, 1000, TaxClasses.Standard, 500), new PricedProduct(B, "SKU-B", "B", 1, 3000, TaxClasses.Standard, 500)],
            "GBP", "GB",
            [new ShippingMethod { Code = "std", Name = "Standard", Countries = ["GB"], RateKind = ShippingRateKind.Flat, FlatFee = 5m }], null,
            new Promotion { Code = "TEN", Kind = PromotionKind.Percentage, Value = 10m },
            new TaxRules { PricesIncludeTax = false }, new DateOnly(2026, 3, 1));
        var order = Order.Place("customer-1", "key-1", "hash", quote,
            new ShippingAddress { Recipient = "Ada", Line1 = "1 Way", City = "London", Postcode = "N1", Country = "GB" }, "pm_card_visa", Now);
        order.CapturePayment(Guid.NewGuid(), "payments", null, Now);
        order.TakeOwedEvents();
        return order;
    }
}
