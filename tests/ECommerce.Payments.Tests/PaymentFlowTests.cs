using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Payments.Admin;
using ECommerce.Payments.Domain;
using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payments.Tests;

/// <summary>The checkout choreography through the real PostgreSQL transport, with the simulated provider.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentFlowTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrderPlaced_then_StockReserved_captures_the_order_and_publishes_PaymentSucceeded()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 19.99m);
        await fixture.PublishAsync(placed);
        await WaitForPaymentAsync(placed.OrderId);
        await fixture.PublishAsync(TestOrders.Reserved(placed.OrderId));

        var succeeded = await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);

        Assert.Equal(1999, succeeded.AmountMinor);
        Assert.Equal("EUR", succeeded.Currency);
        var history = await fixture.Client(TestTokens.Admin()).GetFromJsonAsync<PaymentHistoryResponse>($"/api/payments/orders/{placed.OrderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(PaymentStatus.Captured, history!.Status);
        Assert.Equal([LedgerEntryKind.Authorised, LedgerEntryKind.Captured], history.Entries.Select(e => e.Kind));
        Assert.Equal(new LedgerTotals(1999, 1999, 0, 1999, 1999), history.Totals);
        Assert.Equal(succeeded.PaymentId, history.PaymentId);
    }

    [Fact]
    public async Task StockReserved_arriving_before_OrderPlaced_is_redelivered_and_charges_once_the_order_is_known()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 5m);
        await fixture.PublishAsync(TestOrders.Reserved(placed.OrderId));
        await Task.Delay(300, Ct); // the first delivery fails: no payment is recorded yet
        await fixture.PublishAsync(placed);

        var succeeded = await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(500, succeeded.AmountMinor);
    }

    [Fact]
    public async Task A_zero_decimal_currency_is_charged_in_whole_units()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 1500m, currency: "JPY");
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        var succeeded = await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(1500, succeeded.AmountMinor);
    }

    [Fact]
    public async Task A_declined_card_publishes_PaymentFailed_with_card_declined()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.ChargeDeclined);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        var failed = await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == placed.OrderId);
        Assert.Equal("card_declined", failed.Reason);
        Assert.True(failed.CanRetry);
        await using var db = fixture.Db();
        Assert.Equal([LedgerEntryKind.Failed], await db.Ledger.Where(e => e.OrderId == placed.OrderId).Select(e => e.Kind).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_delayed_failure_method_is_processing_first_and_fails_later_through_the_notification_path()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.DelayedFailure);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        await using (var db = fixture.Db())
        {
            Assert.Equal(PaymentStatus.Processing, (await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct)).Status);
        }

        Assert.DoesNotContain(fixture.Published, e => e is PaymentFailed f && f.OrderId == placed.OrderId);
        var failed = await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == placed.OrderId, PaymentsFixture.DelayedFailureAfter * 5);
        Assert.Equal("processing_failed", failed.Reason);
        await using var after = fixture.Db();
        var payment = await after.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        Assert.Equal([LedgerEntryKind.Failed], payment.Ledger.Select(e => e.Kind));
    }

    [Fact]
    public async Task The_same_order_charged_by_two_consumers_at_once_is_charged_once()
    {
        var provider = fixture.Factory.Services.GetRequiredService<SimulatedPaymentProvider>();
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 42m);
        await fixture.DeliverAsync(placed);
        var intentsBefore = provider.IntentsCreated;

        // Two distinct StockReserved messages (as if Products published twice), handled concurrently.
        var consumers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId)), Ct));
        await Task.WhenAll(consumers);

        await using var db = fixture.Db();
        var kinds = await db.Ledger.Where(e => e.OrderId == placed.OrderId).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([LedgerEntryKind.Authorised, LedgerEntryKind.Captured], kinds.Order());
        Assert.Equal(1, provider.IntentsCreated - intentsBefore);
        var outboxed = await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM outbox WHERE type = 'PaymentSucceeded' AND body LIKE {"%" + placed.OrderId + "%"}").SingleAsync(Ct);
        Assert.Equal(1, outboxed);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_refunds_it_in_full_once_however_often_the_cancellation_arrives()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 30m);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        await fixture.DeliverAsync(new OrderCancelled(placed.OrderId, placed.CustomerId, "customer_request", WasPaid: true));
        await fixture.DeliverAsync(new OrderCancelled(placed.OrderId, placed.CustomerId, "customer_request", WasPaid: true));

        var refunded = await fixture.WaitForPublishedAsync<PaymentRefunded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(3000, refunded.AmountMinor);
        var history = await fixture.Client(TestTokens.Admin()).GetFromJsonAsync<PaymentHistoryResponse>($"/api/payments/orders/{placed.OrderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(PaymentStatus.Refunded, history!.Status);
        var refund = Assert.Single(history.Entries, e => e.Kind == LedgerEntryKind.Refunded);
        Assert.Equal(0, history.Totals.NetMinor);
        // Orders tells refunds apart by the provider's refund id, so the event must carry the one the ledger holds.
        Assert.NotNull(refunded.RefundId);
        Assert.Equal(refund.ProviderReference, refunded.RefundId);
    }

    [Fact]
    public async Task An_order_cancelled_before_its_stock_was_reserved_is_never_charged()
    {
        var provider = fixture.Factory.Services.GetRequiredService<SimulatedPaymentProvider>();
        var placed = TestOrders.Placed(TestPaymentMethods.Visa);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(new OrderCancelled(placed.OrderId, placed.CustomerId, "stock_rejected", WasPaid: false));
        var intentsBefore = provider.IntentsCreated;

        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        await using var db = fixture.Db();
        Assert.Equal(PaymentStatus.Cancelled, (await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct)).Status);
        Assert.Empty(await db.Ledger.Where(e => e.OrderId == placed.OrderId).ToListAsync(Ct));
        Assert.Equal(intentsBefore, provider.IntentsCreated);
    }

    [Fact]
    public async Task Ledger_rows_cannot_be_updated_or_deleted()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        await using var db = fixture.Db();
        var update = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE ledger_entries SET amount_minor = 1 WHERE order_id = {placed.OrderId}", Ct));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM ledger_entries WHERE order_id = {placed.OrderId}", Ct));
        Assert.Equal(2, await db.Ledger.CountAsync(e => e.OrderId == placed.OrderId, Ct));
    }

    [Fact]
    public async Task The_config_endpoint_labels_the_simulated_provider_and_lists_its_test_methods()
    {
        var config = await fixture.Client().GetFromJsonAsync<PaymentsConfigResponse>("/api/payments/config", PaymentsFixture.Json, Ct);

        Assert.True(config!.Simulated);
        Assert.Equal("simulated", config.Provider);
        Assert.Null(config.PublishableKey);
        Assert.Contains(config.TestPaymentMethods, m => m.Id == "pm_card_visa");
        Assert.Contains(config.TestPaymentMethods, m => m.Id == "pm_card_chargeDeclined");
        // Shoppers read these: plain words, never a provider's reason code such as card_declined.
        Assert.All(config.TestPaymentMethods, m => Assert.DoesNotMatch("_|fails:", $"{m.Label} {m.Outcome}"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client().GetAsync("/health", Ct)).StatusCode);
    }

    private async Task WaitForPaymentAsync(Guid orderId) =>
        await PaymentsFixture.WaitUntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Payments.AnyAsync(p => p.OrderId == orderId, Ct);
        }, $"the payment of order {orderId} to be recorded");
}
