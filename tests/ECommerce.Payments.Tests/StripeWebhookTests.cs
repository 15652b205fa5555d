using System.Net;
using System.Net.Http.Json;
using System.Text;
using ECommerce.Contracts;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Payments.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Tests;

/// <summary>The Stripe webhook: signatures computed in the test, replays, tampering and stale timestamps.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class StripeWebhookTests(PaymentsFixture fixture)
{
    private const string Path = "/api/payments/webhooks/stripe";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_payment_intent_succeeded_captures_a_processing_payment_and_its_replay_changes_nothing()
    {
        var (orderId, intentId) = await ProcessingPaymentAsync();
        var payload = StripeSignatures.PaymentIntentEvent("payment_intent.succeeded", intentId, orderId, 1999, "succeeded");

        var first = await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));
        var replay = await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));

        Assert.Equal("applied", (await first.Content.ReadFromJsonAsync<WebhookAcknowledgement>(PaymentsFixture.Json, Ct))!.Outcome);
        Assert.Equal("duplicate", (await replay.Content.ReadFromJsonAsync<WebhookAcknowledgement>(PaymentsFixture.Json, Ct))!.Outcome);
        await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == orderId);
        await using var db = fixture.Db();
        var payment = await db.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == orderId, Ct);
        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.Single(payment.Ledger, e => e.Kind == LedgerEntryKind.Captured);
        Assert.Equal(1, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM outbox WHERE type = 'PaymentSucceeded' AND body LIKE {"%" + orderId + "%"}").SingleAsync(Ct));
    }

    [Fact]
    public async Task A_tampered_body_is_refused_with_400_and_changes_nothing()
    {
        var (orderId, intentId) = await ProcessingPaymentAsync();
        var signed = StripeSignatures.PaymentIntentEvent("payment_intent.succeeded", intentId, orderId, 1999, "succeeded");
        var header = StripeSignatures.Header(signed, PaymentsFixture.WebhookSecret);
        var tampered = signed.Replace("\"amount\": 1999", "\"amount\": 1", StringComparison.Ordinal);

        var response = await PostAsync(tampered, header);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertStillProcessingAsync(orderId);
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused_even_with_a_valid_signature()
    {
        var (orderId, intentId) = await ProcessingPaymentAsync();
        var payload = StripeSignatures.PaymentIntentEvent("payment_intent.succeeded", intentId, orderId, 1999, "succeeded");

        var response = await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillProcessingAsync(orderId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("whsec_someone_else")]
    public async Task A_missing_or_foreign_signature_is_refused(string? secret)
    {
        var (orderId, intentId) = await ProcessingPaymentAsync();
        var payload = StripeSignatures.PaymentIntentEvent("payment_intent.succeeded", intentId, orderId, 1999, "succeeded");

        var response = await PostAsync(payload, secret is null ? null : StripeSignatures.Header(payload, secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillProcessingAsync(orderId);
    }

    [Fact]
    public async Task A_payment_failed_event_fails_a_processing_payment()
    {
        var (orderId, intentId) = await ProcessingPaymentAsync();
        var payload = StripeSignatures.PaymentIntentEvent("payment_intent.payment_failed", intentId, orderId, 1999, "requires_payment_method", "insufficient_funds");

        var response = await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == orderId);
        Assert.Equal("insufficient_funds", failed.Reason);
    }

    [Fact]
    public async Task A_refund_made_at_the_provider_is_recorded_once_from_charge_refunded()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 20m);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        string intentId;
        await using (var db = fixture.Db())
        {
            intentId = (await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct)).ProviderPaymentId!;
        }

        var payload = StripeSignatures.ChargeRefundedEvent(intentId, amount: 2000, amountRefunded: 750);
        await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));
        await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));
        // The same total in a new event (Stripe re-sending state, or our own refund echoed back) adds nothing either.
        var echo = StripeSignatures.ChargeRefundedEvent(intentId, amount: 2000, amountRefunded: 750);
        var echoed = await PostAsync(echo, StripeSignatures.Header(echo, PaymentsFixture.WebhookSecret));

        Assert.Equal("ignored", (await echoed.Content.ReadFromJsonAsync<WebhookAcknowledgement>(PaymentsFixture.Json, Ct))!.Outcome);
        var refunded = await fixture.WaitForPublishedAsync<PaymentRefunded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(750, refunded.AmountMinor);
        await using var after = fixture.Db();
        var payment = await after.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal(750, payment.RefundedMinor);
        Assert.Single(payment.Ledger, e => e.Kind == LedgerEntryKind.Refunded);
    }

    [Fact]
    public async Task An_event_type_we_do_not_handle_is_acknowledged_and_ignored()
    {
        var payload = StripeSignatures.PaymentIntentEvent("payment_intent.created", "pi_unrelated", Guid.NewGuid(), 100, "requires_payment_method");

        var response = await PostAsync(payload, StripeSignatures.Header(payload, PaymentsFixture.WebhookSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<WebhookAcknowledgement>(PaymentsFixture.Json, Ct))!.Outcome);
    }

    /// <summary>A payment left processing by the delayed-failure method, whose own late failure is then ignored or wins.</summary>
    private async Task<(Guid OrderId, string IntentId)> ProcessingPaymentAsync()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.DelayedFailure);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        await using var db = fixture.Db();
        var payment = await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal(PaymentStatus.Processing, payment.Status);
        return (placed.OrderId, payment.ProviderPaymentId!);
    }

    private async Task AssertStillProcessingAsync(Guid orderId)
    {
        await using var db = fixture.Db();
        var payment = await db.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == orderId, Ct);
        Assert.Equal(PaymentStatus.Processing, payment.Status);
        Assert.Empty(payment.Ledger);
    }

    private Task<HttpResponseMessage> PostAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return fixture.Client().SendAsync(request, Ct);
    }
}
