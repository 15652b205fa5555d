using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Payments.Domain;
using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Payments.Tests;

/// <summary>
/// Paying again after a decline, and 3-D Secure with the shopper present: the simulated provider's challenge answered
/// through the shopper's own endpoints, over the real PostgreSQL transport.
/// </summary>
[Collection(PaymentsCollection.Name)]
public sealed class RetryAndAuthenticationTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_declined_payment_is_retried_with_another_card_as_attempt_two_and_captured_once()
    {
        var provider = fixture.Factory.Services.GetRequiredService<SimulatedPaymentProvider>();
        var placed = TestOrders.Placed(TestPaymentMethods.ChargeDeclined, total: 25m);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == placed.OrderId && e.CanRetry);
        var intentsBefore = provider.IntentsCreated;

        var retry = new OrderPaymentRetried(placed.OrderId, placed.CustomerId, TestPaymentMethods.Visa, Attempt: 2);
        await fixture.DeliverAsync(retry);
        await fixture.DeliverAsync(retry with { });

        var succeeded = await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);
        Assert.Equal(2500, succeeded.AmountMinor);
        Assert.Equal(1, provider.IntentsCreated - intentsBefore);
        await using var db = fixture.Db();
        var payment = await db.Payments.Include(p => p.Ledger).SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal((PaymentStatus.Captured, 2, TestPaymentMethods.Visa, 2500L), (payment.Status, payment.Attempt, payment.PaymentMethod, payment.CapturedMinor));
        Assert.Equal([LedgerEntryKind.Failed, LedgerEntryKind.Authorised, LedgerEntryKind.Captured], payment.Ledger.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_retry_of_a_payment_that_did_not_fail_changes_nothing()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total: 8m);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == placed.OrderId);

        await fixture.DeliverAsync(new OrderPaymentRetried(placed.OrderId, placed.CustomerId, TestPaymentMethods.Mastercard, Attempt: 2));

        await using var db = fixture.Db();
        var payment = await db.Payments.SingleAsync(p => p.OrderId == placed.OrderId, Ct);
        Assert.Equal((PaymentStatus.Captured, 1, TestPaymentMethods.Visa), (payment.Status, payment.Attempt, payment.PaymentMethod));
    }

    [Fact]
    public async Task A_card_that_needs_3DS_waits_for_the_shopper_who_approves_the_challenge_and_the_payment_is_captured()
    {
        var orderId = await AwaitingChallengeAsync("shopper-3ds-approve");
        var owner = fixture.Client(TestTokens.Customer("shopper-3ds-approve"));

        var waiting = await owner.GetFromJsonAsync<MyPaymentResponse>($"/api/payments/me/orders/{orderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(PaymentStatus.RequiresAction, waiting!.Status);
        Assert.StartsWith("pi_sim_", waiting.ClientSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Published, e => e is PaymentFailed f && f.OrderId == orderId);

        // Someone else cannot answer the shopper's check, nor see that the order exists.
        using var stranger = await fixture.Client(TestTokens.Customer("someone-else"))
            .PostAsJsonAsync($"/api/payments/me/orders/{orderId}/simulated-challenge", new { outcome = "approve" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        using var approved = await owner.PostAsJsonAsync($"/api/payments/me/orders/{orderId}/simulated-challenge", new { outcome = "approve" }, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var settled = await approved.Content.ReadFromJsonAsync<MyPaymentResponse>(PaymentsFixture.Json, Ct);
        Assert.Equal((PaymentStatus.Captured, 1999L, null), (settled!.Status, settled.CapturedMinor, settled.ClientSecret));
        await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == orderId);

        // A double submit answers the settled state and charges nothing more.
        using var again = await owner.PostAsJsonAsync($"/api/payments/me/orders/{orderId}/authentication", new { }, Ct);
        Assert.Equal(PaymentStatus.Captured, (await again.Content.ReadFromJsonAsync<MyPaymentResponse>(PaymentsFixture.Json, Ct))!.Status);
        Assert.Single(fixture.Published, e => e is PaymentSucceeded s && s.OrderId == orderId);
    }

    [Theory]
    [InlineData("fail", "authentication_failed")]
    [InlineData("abandon", "authentication_abandoned")]
    public async Task A_failed_or_abandoned_challenge_fails_the_attempt_so_the_shopper_can_pay_again(string outcome, string reason)
    {
        var orderId = await AwaitingChallengeAsync($"shopper-3ds-{outcome}");
        using var response = await fixture.Client(TestTokens.Customer($"shopper-3ds-{outcome}"))
            .PostAsJsonAsync($"/api/payments/me/orders/{orderId}/simulated-challenge", new { outcome }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await fixture.WaitForPublishedAsync<PaymentFailed>(e => e.OrderId == orderId);
        Assert.Equal((reason, true), (failed.Reason, failed.CanRetry));
    }

    [Fact]
    public async Task Finishing_before_the_bank_has_answered_is_a_conflict_and_changes_nothing()
    {
        var orderId = await AwaitingChallengeAsync("shopper-3ds-early");
        using var response = await fixture.Client(TestTokens.Customer("shopper-3ds-early"))
            .PostAsJsonAsync($"/api/payments/me/orders/{orderId}/authentication", new { }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await using var db = fixture.Db();
        Assert.Equal(PaymentStatus.RequiresAction, (await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).Status);
    }

    [Theory]
    [InlineData("""{"outcome":"maybe"}""")]
    [InlineData("""{"outcome":"1"}""")]
    [InlineData("""{}""")]
    public async Task An_unknown_challenge_answer_is_a_problem_naming_the_outcome_field(string body)
    {
        var orderId = await AwaitingChallengeAsync("shopper-3ds-bad");
        using var response = await fixture.Client(TestTokens.Customer("shopper-3ds-bad")).PostAsync(
            $"/api/payments/me/orders/{orderId}/simulated-challenge", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"outcome\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_cancelled_while_its_challenge_is_open_is_never_charged()
    {
        var orderId = await AwaitingChallengeAsync("shopper-3ds-cancelled");
        await fixture.DeliverAsync(new OrderCancelled(orderId, "shopper-3ds-cancelled", "timeout", WasPaid: false));

        using var response = await fixture.Client(TestTokens.Customer("shopper-3ds-cancelled"))
            .PostAsJsonAsync($"/api/payments/me/orders/{orderId}/simulated-challenge", new { outcome = "approve" }, Ct);

        Assert.Equal(PaymentStatus.Cancelled, (await response.Content.ReadFromJsonAsync<MyPaymentResponse>(PaymentsFixture.Json, Ct))!.Status);
        await using var db = fixture.Db();
        Assert.Equal(0, (await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).CapturedMinor);
        Assert.DoesNotContain(fixture.Published, e => e is PaymentSucceeded s && s.OrderId == orderId);
    }

    [Fact]
    public async Task A_guest_answers_the_challenge_by_the_order_link_and_without_it_gets_nothing()
    {
        var orderId = await AwaitingChallengeAsync(GuestCustomers.IdFor($"3ds-{Guid.NewGuid():N}@guest.test"));
        var token = fixture.Factory.Services.GetRequiredService<OrderAccessTokens>().Issue(orderId).Token;
        var otherOrdersToken = fixture.Factory.Services.GetRequiredService<OrderAccessTokens>().Issue(Guid.NewGuid()).Token;
        using var anonymous = fixture.Client();
        var path = $"/api/payments/guest/orders/{orderId}/simulated-challenge";

        using var refused = await anonymous.PostAsJsonAsync($"{path}?access={Uri.EscapeDataString(otherOrdersToken)}", new { outcome = "approve" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using (var db = fixture.Db())
        {
            Assert.Equal(PaymentStatus.RequiresAction, (await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).Status);
        }

        using var approved = await anonymous.PostAsJsonAsync($"{path}?access={Uri.EscapeDataString(token)}", new { outcome = "approve" }, Ct);
        Assert.Equal(PaymentStatus.Captured, (await approved.Content.ReadFromJsonAsync<MyPaymentResponse>(PaymentsFixture.Json, Ct))!.Status);
        await fixture.WaitForPublishedAsync<PaymentSucceeded>(e => e.OrderId == orderId);
    }

    private async Task<Guid> AwaitingChallengeAsync(string customerId)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.AuthenticationRequired, customerId: customerId);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        return placed.OrderId;
    }
}
