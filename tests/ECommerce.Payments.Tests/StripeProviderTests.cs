using ECommerce.Payments.Domain;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Stripe;

namespace ECommerce.Payments.Tests;

/// <summary>The Stripe provider through the real Stripe.net client against a local fake of Stripe's HTTP API.</summary>
public sealed class StripeProviderTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;
    private StripePaymentProvider _provider = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        var client = PaymentsServiceExtensions.CreateStripeClient(new StripeOptions
        {
            SecretKey = "sk_test_fake_key",
            ApiBase = _stripe.BaseUrl,
            MaxNetworkRetries = 0,
        });
        _provider = new StripePaymentProvider(client);
    }

    public async ValueTask DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task Authorising_creates_a_confirmed_on_session_manual_capture_intent_in_minor_units_keyed_by_the_order()
    {
        var orderId = Guid.NewGuid();

        var result = await _provider.AuthoriseAsync(Request(orderId, "pm_card_visa", 1999, "EUR"), Ct);

        Assert.Equal(ProviderPaymentStatus.RequiresCapture, result.Status);
        Assert.Equal(1999, result.AmountMinor);
        var sent = Assert.Single(_stripe.Requests);
        Assert.Equal("/v1/payment_intents", sent.Path);
        Assert.Equal("Bearer sk_test_fake_key", sent.Authorization);
        Assert.Equal(IdempotencyKeys.Authorise(orderId), sent.IdempotencyKey);
        Assert.Equal("1999", sent.Form["amount"]);
        Assert.Equal("eur", sent.Form["currency"]);
        Assert.Equal("pm_card_visa", sent.Form["payment_method"]);
        Assert.Equal("true", sent.Form["confirm"]);
        // The shopper is present (on the order page) to complete a 3-D Secure check, so the intent is not off-session.
        Assert.False(sent.Form.ContainsKey("off_session"));
        Assert.Equal("manual", sent.Form["capture_method"]);
        Assert.Equal(orderId.ToString(), sent.Form["metadata[order_id]"]);
        Assert.DoesNotContain(sent.Form.Keys, k => k.Contains("card[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authorising_the_same_order_twice_sends_the_same_key_and_gets_the_same_intent()
    {
        var orderId = Guid.NewGuid();

        var first = await _provider.AuthoriseAsync(Request(orderId, "pm_card_visa", 500), Ct);
        var second = await _provider.AuthoriseAsync(Request(orderId, "pm_card_visa", 500), Ct);

        Assert.Equal(first.ProviderPaymentId, second.ProviderPaymentId);
        Assert.Equal(1, _stripe.IntentsCreated);
        Assert.All(_stripe.Requests, r => Assert.Equal(IdempotencyKeys.Authorise(orderId), r.IdempotencyKey));
    }

    [Fact]
    public async Task Capture_and_partial_refund_send_amounts_and_their_own_idempotency_keys()
    {
        var orderId = Guid.NewGuid();
        var authorised = await _provider.AuthoriseAsync(Request(orderId, "pm_card_visa", 2500), Ct);

        var captured = await _provider.CaptureAsync(authorised.ProviderPaymentId!, 2500, IdempotencyKeys.Capture(orderId), Ct);
        var refund = await _provider.RefundAsync(authorised.ProviderPaymentId!, 700, "refund-key-1", Ct);

        Assert.Equal(ProviderPaymentStatus.Succeeded, captured.Status);
        Assert.Equal(2500, captured.AmountMinor);
        Assert.Equal(700, refund.AmountMinor);
        Assert.StartsWith("re_", refund.ProviderRefundId, StringComparison.Ordinal);
        var requests = _stripe.Requests.ToArray();
        Assert.Equal($"/v1/payment_intents/{authorised.ProviderPaymentId}/capture", requests[1].Path);
        Assert.Equal("2500", requests[1].Form["amount_to_capture"]);
        Assert.Equal(IdempotencyKeys.Capture(orderId), requests[1].IdempotencyKey);
        Assert.Equal("/v1/refunds", requests[2].Path);
        Assert.Equal(authorised.ProviderPaymentId, requests[2].Form["payment_intent"]);
        Assert.Equal("700", requests[2].Form["amount"]);
        Assert.Equal("refund-key-1", requests[2].IdempotencyKey);
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined", "card_declined")]
    [InlineData("pm_does_not_exist", "invalid_payment_method")]
    public async Task Declines_map_to_a_failed_result_with_a_reason(string paymentMethod, string reason)
    {
        var result = await _provider.AuthoriseAsync(Request(Guid.NewGuid(), paymentMethod, 1000), Ct);

        Assert.NotEqual(ProviderPaymentStatus.RequiresCapture, result.Status);
        Assert.NotEqual(ProviderPaymentStatus.Succeeded, result.Status);
        Assert.Equal(reason, result.FailureCode);
    }

    [Theory]
    [InlineData("pm_rate_limited")]
    [InlineData("pm_server_error")]
    public async Task Rate_limits_and_server_errors_mean_try_again_later(string paymentMethod)
    {
        await Assert.ThrowsAsync<PaymentProviderUnavailableException>(() => _provider.AuthoriseAsync(Request(Guid.NewGuid(), paymentMethod, 1000), Ct));
    }

    [Fact]
    public async Task An_unreachable_Stripe_means_try_again_later()
    {
        var port = ECommerce.Testing.FreePort.Next();
        var offline = new StripePaymentProvider(PaymentsServiceExtensions.CreateStripeClient(new StripeOptions
        {
            SecretKey = "sk_test_fake_key",
            ApiBase = $"http://127.0.0.1:{port}",
            MaxNetworkRetries = 0,
        }));

        await Assert.ThrowsAsync<PaymentProviderUnavailableException>(() => offline.AuthoriseAsync(Request(Guid.NewGuid(), "pm_card_visa", 1000), Ct));
    }

    [Fact]
    public async Task A_refund_larger_than_the_charge_is_rejected_with_stripes_code()
    {
        var authorised = await _provider.AuthoriseAsync(Request(Guid.NewGuid(), "pm_card_visa", 1000), Ct);

        var rejected = await Assert.ThrowsAsync<PaymentProviderRejectedException>(() => _provider.RefundAsync(authorised.ProviderPaymentId!, 5000, "too-much", Ct));

        Assert.Equal("amount_too_large", rejected.Code);
    }

    [Theory]
    [InlineData("pm_card_authenticationRequired")]
    [InlineData("pm_card_threeDSecure")]
    public async Task A_card_that_needs_3DS_asks_for_the_check_with_a_client_secret_for_Stripe_js(string paymentMethod)
    {
        var result = await _provider.AuthoriseAsync(Request(Guid.NewGuid(), paymentMethod, 1000), Ct);

        Assert.Equal(ProviderPaymentStatus.RequiresAction, result.Status);
        Assert.Equal($"{result.ProviderPaymentId}_secret_fake", result.ClientSecret);
        Assert.Null(result.FailureCode);
    }

    [Theory]
    [InlineData(true, ProviderPaymentStatus.RequiresCapture, null)]
    [InlineData(false, ProviderPaymentStatus.Failed, "authentication_failed")]
    public async Task After_the_check_the_intent_is_read_back_as_held_or_failed(bool approved, ProviderPaymentStatus status, string? failure)
    {
        var asked = await _provider.AuthoriseAsync(Request(Guid.NewGuid(), "pm_card_threeDSecure", 1000), Ct);
        Assert.Equal(ProviderPaymentStatus.RequiresAction, (await _provider.GetAsync(asked.ProviderPaymentId!, Ct)).Status);

        _stripe.FinishAuthentication(asked.ProviderPaymentId!, approved);
        var after = await _provider.GetAsync(asked.ProviderPaymentId!, Ct);

        Assert.Equal((status, failure), (after.Status, after.FailureCode));
    }

    [Fact]
    public async Task Cancelling_an_intent_waiting_for_the_check_cancels_it_at_Stripe()
    {
        var asked = await _provider.AuthoriseAsync(Request(Guid.NewGuid(), "pm_card_threeDSecure", 1000), Ct);

        await _provider.CancelAsync(asked.ProviderPaymentId!, Ct);

        Assert.Contains(_stripe.Requests, r => r.Path == $"/v1/payment_intents/{asked.ProviderPaymentId}/cancel");
        Assert.Equal(ProviderPaymentStatus.Failed, (await _provider.GetAsync(asked.ProviderPaymentId!, Ct)).Status);
    }

    private static AuthorisePaymentRequest Request(Guid orderId, string paymentMethod, long amountMinor, string currency = "EUR") =>
        new(orderId, "customer-1", amountMinor, currency, paymentMethod, IdempotencyKeys.Authorise(orderId));
}
