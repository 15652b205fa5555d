using ECommerce.Contracts;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payments.Tests;

/// <summary>
/// An order Orders held for risk review (OrderPlaced.HoldForReview): authorised and not captured (PaymentAuthorised);
/// the back office's approval (OrderReviewApproved) captures it once; a rejection (OrderCancelled) voids the
/// authorisation and captures nothing.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class RiskHoldTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_order_is_authorised_only_and_captured_once_when_approved_however_often_the_approval_arrives()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 250m) with { HoldForReview = true };
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        var authorised = await fixture.WaitForPublishedAsync<PaymentAuthorised>(e => e.OrderId == placed.OrderId);
        Assert.Equal(25000, authorised.AmountMinor);
        await using (var db = fixture.Db())
        {
            var payment = await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct);
            Assert.Equal((PaymentStatus.Authorised, 0L), (payment.Status, payment.CapturedMinor));
        }

        Assert.DoesNotContain(fixture.Published, e => e is PaymentSucceeded s && s.OrderId == placed.OrderId);
        var approval = new OrderReviewApproved(placed.OrderId, placed.CustomerId, "admin:admin-1");
        await Task.WhenAll(fixture.DeliverAsync(approval), fixture.DeliverAsync(approval with { }), fixture.DeliverAsync(approval with { }));

        var succeeded = await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(25000, succeeded.AmountMinor);
        await using var after = fixture.Db();
        var kinds = await after.Ledger.Where(e => e.OrderId == placed.OrderId).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([LedgerEntryKind.Authorised, LedgerEntryKind.Captured], kinds.Order());
        Assert.Single(fixture.Published, e => e is PaymentSucceeded s && s.OrderId == placed.OrderId);
    }

    [Fact]
    public async Task A_rejected_held_order_voids_its_authorisation_and_captures_nothing_even_if_approved_later()
    {
        var provider = fixture.Factory.Services.GetRequiredService<SimulatedPaymentProvider>();
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 80m) with { HoldForReview = true };
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        await fixture.WaitForPublishedAsync<PaymentAuthorised>(e => e.OrderId == placed.OrderId);

        await fixture.DeliverAsync(new OrderCancelled(placed.OrderId, placed.CustomerId, "not approved after a security check", WasPaid: false));
        await fixture.DeliverAsync(new OrderReviewApproved(placed.OrderId, placed.CustomerId, "admin:late"));

        await using var db = fixture.Db();
        var payment = await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal((PaymentStatus.Cancelled, 0L), (payment.Status, payment.CapturedMinor));
        Assert.Equal(ProviderPaymentStatus.Failed, (await provider.GetAsync(payment.ProviderPaymentId!, Ct)).Status);
        Assert.Equal([LedgerEntryKind.Authorised], await db.Ledger.Where(e => e.OrderId == placed.OrderId).Select(e => e.Kind).ToListAsync(Ct));
        Assert.DoesNotContain(fixture.Published, e => e is PaymentSucceeded s && s.OrderId == placed.OrderId);
    }
}
