using ECommerce.Contracts;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Tests;

/// <summary>Orders' refund requests (returns): once per request id, never more than what is left of the capture.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class RefundRequestedTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refund_request_arriving_twice_as_two_messages_refunds_once()
    {
        var orderId = await CapturedOrderAsync(30m);
        var requestId = Guid.NewGuid();

        await fixture.DeliverAsync(new RefundRequested(orderId, requestId, 1200, "EUR", "return"));
        await fixture.DeliverAsync(new RefundRequested(orderId, requestId, 1200, "EUR", "return"));
        await fixture.DeliverAsync(new RefundRequested(orderId, Guid.NewGuid(), 300, "EUR", "second return"));

        var refunded = await fixture.WaitForPublishedAsync<PaymentRefunded>(e => e.OrderId == orderId && e.AmountMinor == 1200);
        Assert.NotNull(refunded.RefundId);
        // The outbox sends the two refunds' events when it gets to them: count once the second has gone out too.
        await fixture.WaitForPublishedAsync<PaymentRefunded>(e => e.OrderId == orderId && e.AmountMinor == 300);
        Assert.Equal([1200L, 300L], await RefundsAsync(orderId));
        Assert.Equal(2, fixture.Published.OfType<PaymentRefunded>().Count(e => e.OrderId == orderId));
    }

    [Fact]
    public async Task A_refund_request_never_refunds_more_than_is_left_of_the_capture()
    {
        var orderId = await CapturedOrderAsync(30m);

        await fixture.DeliverAsync(new RefundRequested(orderId, Guid.NewGuid(), 2000, "EUR", "return 1"));
        await fixture.DeliverAsync(new RefundRequested(orderId, Guid.NewGuid(), 2000, "EUR", "return 2"));
        await fixture.DeliverAsync(new RefundRequested(orderId, Guid.NewGuid(), 500, "EUR", "return 3"));

        Assert.Equal([2000L, 1000L], await RefundsAsync(orderId));
        await using var db = fixture.Db();
        var payment = await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct);
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
        Assert.Equal(0, payment.Refundable);
    }

    private async Task<Guid> CapturedOrderAsync(decimal total)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: total);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
        return placed.OrderId;
    }

    private async Task<List<long>> RefundsAsync(Guid orderId)
    {
        await using var db = fixture.Db();
        return await db.Ledger.Where(e => e.OrderId == orderId && e.Kind == LedgerEntryKind.Refunded).OrderBy(e => e.OccurredAt).Select(e => e.AmountMinor).ToListAsync(Ct);
    }
}
