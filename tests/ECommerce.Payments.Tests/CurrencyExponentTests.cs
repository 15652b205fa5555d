using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Payments.Admin;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Payments.Refunds;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Tests;

/// <summary>Charges and refunds in each ISO 4217 exponent: the captured amount is the order total in minor units exactly.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class CurrencyExponentTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("JPY", "15", 15)]
    [InlineData("GBP", "12.34", 1234)]
    [InlineData("KWD", "1.234", 1234)]
    public async Task The_charge_is_the_order_total_in_minor_units(string currency, string total, long minor)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, Parse(total), currency, totalMinor: minor);

        var succeeded = await CaptureAsync(placed);

        Assert.Equal((minor, currency), (succeeded.AmountMinor, succeeded.Currency));
        await using var db = fixture.Db();
        var payment = await db.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal((minor, minor), (payment.AmountMinor, payment.CapturedMinor));
        Assert.All(payment.Ledger, e => Assert.Equal(minor, e.AmountMinor));
    }

    [Theory]
    [InlineData("JPY", "14.34", null)]
    [InlineData("GBP", "12.345", null)]
    [InlineData("JPY", "15", 16L)] // Orders' minor units disagree with its total
    [InlineData("XYZ", "15", null)]
    public async Task A_total_that_is_not_whole_minor_units_fails_the_payment_visibly_and_charges_nothing(string currency, string total, long? totalMinor)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, Parse(total), currency, totalMinor: totalMinor);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        var failed = await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == placed.OrderId);

        Assert.Equal(FailureReasons.AmountNotRepresentable, failed.Reason);
        Assert.DoesNotContain(fixture.Published.OfType<PaymentSucceeded>(), e => e.OrderId == placed.OrderId);
        await using var db = fixture.Db();
        var payment = await db.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal((PaymentStatus.Failed, 0L, (string?)null), (payment.Status, payment.CapturedMinor, payment.ProviderPaymentId));
        Assert.Equal([LedgerEntryKind.Failed], payment.Ledger.Select(e => e.Kind));
    }

    [Theory]
    [InlineData("JPY", "15", 15, 4)]
    [InlineData("GBP", "12.34", 1234, 34)]
    [InlineData("KWD", "1.234", 1234, 234)]
    public async Task Partial_then_full_refunds_are_in_minor_units_and_never_exceed_the_capture(string currency, string total, long minor, long partial)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, Parse(total), currency, totalMinor: minor);
        await CaptureAsync(placed);
        var admin = fixture.Client(TestTokens.Admin());

        using var first = await RefundAsync(admin, placed.OrderId, partial);
        using var tooMuch = await RefundAsync(admin, placed.OrderId, minor - partial + 1);
        // Cancelling the paid order refunds exactly what remains.
        await fixture.DeliverAsync(new OrderCancelled(placed.OrderId, placed.CustomerId, "customer", WasPaid: true));
        using var afterFull = await RefundAsync(admin, placed.OrderId, 1);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((partial, currency, minor - partial), await ReadRefundAsync(first));
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterFull.StatusCode);
        // PaymentRefunded travels through the outbox: wait for the second before counting.
        await fixture.WaitForPublishedAsync<PaymentRefunded>(e => e.OrderId == placed.OrderId && e.AmountMinor == minor - partial);
        var refunds = fixture.Published.OfType<PaymentRefunded>().Where(e => e.OrderId == placed.OrderId).Select(e => e.AmountMinor).Order().ToList();
        Assert.Equal(new[] { partial, minor - partial }.Order(), refunds);
        var history = await admin.GetFromJsonAsync<PaymentHistoryResponse>($"/api/payments/orders/{placed.OrderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(PaymentStatus.Refunded, history!.Status);
        Assert.Equal(new LedgerTotals(minor, minor, minor, 0, 0), history.Totals);
    }

    private async Task<PaymentSucceeded> CaptureAsync(OrderPlaced placed)
    {
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        return await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient admin, Guid orderId, long amountMinor) =>
        admin.PostAsJsonAsync($"/api/payments/orders/{orderId}/refunds", new RefundRequest(amountMinor, null), Ct);

    private static async Task<(long, string, long)> ReadRefundAsync(HttpResponseMessage response)
    {
        var refund = (await response.Content.ReadFromJsonAsync<RefundResponse>(PaymentsFixture.Json, Ct))!;
        return (refund.AmountMinor, refund.Currency, refund.RefundableMinor);
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
