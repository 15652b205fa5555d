using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Payments.Admin;
using ECommerce.Payments.Domain;
using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Payments.Refunds;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Tests;

/// <summary>Admin refunds and history, the customer's own view, and who may call what.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class PaymentsApiTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_partial_refund_is_recorded_once_per_idempotency_key_and_the_totals_reconcile()
    {
        var orderId = await CapturedOrderAsync(total: 10m);
        var admin = fixture.Client(TestTokens.Admin());

        var first = await RefundAsync(admin, orderId, new RefundRequest(300, "damaged box"), key: "refund-a");
        var retried = await RefundAsync(admin, orderId, new RefundRequest(300, "damaged box"), key: "refund-a");
        var second = await RefundAsync(admin, orderId, new RefundRequest(200, null), key: "refund-b");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var history = await admin.GetFromJsonAsync<PaymentHistoryResponse>($"/api/payments/orders/{orderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(new LedgerTotals(1000, 1000, 500, 500, 500), history!.Totals);
        Assert.Equal(PaymentStatus.Captured, history.Status);
        Assert.Equal(2, history.Entries.Count(e => e.Kind == LedgerEntryKind.Refunded));
    }

    [Fact]
    public async Task A_refund_larger_than_what_remains_is_a_validation_problem_and_changes_nothing()
    {
        var orderId = await CapturedOrderAsync(total: 10m);
        var admin = fixture.Client(TestTokens.Admin());
        Assert.Equal(HttpStatusCode.Created, (await RefundAsync(admin, orderId, new RefundRequest(900, null))).StatusCode);

        var tooMuch = await RefundAsync(admin, orderId, new RefundRequest(101, null));
        var negative = await RefundAsync(admin, orderId, new RefundRequest(-5, null));

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal("application/problem+json", tooMuch.Content.Headers.ContentType?.MediaType);
        Assert.Contains("amountMinor", await tooMuch.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        await using var db = fixture.Db();
        Assert.Equal(900, (await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).RefundedMinor);
    }

    [Fact]
    public async Task Refunding_an_order_that_was_never_captured_is_a_conflict()
    {
        var placed = TestOrders.Placed(TestPaymentMethods.ChargeDeclined);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));

        var response = await RefundAsync(fixture.Client(TestTokens.Admin()), placed.OrderId, new RefundRequest(100, null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Only_admins_see_payment_history_and_refund()
    {
        var orderId = await CapturedOrderAsync(total: 10m);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetAsync($"/api/payments/orders/{orderId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(TestTokens.Customer("customer-1")).GetAsync($"/api/payments/orders/{orderId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefundAsync(fixture.Client(TestTokens.Customer("customer-1")), orderId, new RefundRequest(100, null))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client(TestTokens.Admin()).GetAsync($"/api/payments/orders/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_customer_sees_the_payment_of_their_own_order_and_not_of_anyone_elses()
    {
        var orderId = await CapturedOrderAsync(total: 12.5m, customerId: "customer-owner");

        var own = await fixture.Client(TestTokens.Customer("customer-owner")).GetFromJsonAsync<MyPaymentResponse>($"/api/payments/me/orders/{orderId}", PaymentsFixture.Json, Ct);
        var someoneElse = await fixture.Client(TestTokens.Customer("customer-other")).GetAsync($"/api/payments/me/orders/{orderId}", Ct);
        var anonymous = await fixture.Client().GetAsync($"/api/payments/me/orders/{orderId}", Ct);

        Assert.Equal(PaymentStatus.Captured, own!.Status);
        Assert.Equal(1250, own.CapturedMinor);
        Assert.True(own.Simulated);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("""{"amountMinor":100,"reason":"4242 4242 4242 4242"}""", "reason")]
    [InlineData("""{"amountMinor":100,"reason":"card 4000-0566-5566-5556 please"}""", "reason")]
    [InlineData("""{"amountMinor":100,"card":{"number":"x","exp_month":12}}""", "card")]
    [InlineData("""{"amountMinor":100,"cvc":"123"}""", "cvc")]
    [InlineData("""{"amountMinor":100,"details":[{"CVV":"123"}]}""", "details[0].CVV")]
    [InlineData("""{"amountMinor":4242424242424242}""", "amountMinor")]
    public async Task A_request_carrying_card_data_is_rejected_before_anything_happens(string body, string field)
    {
        var orderId = await CapturedOrderAsync(total: 10m);

        var response = await fixture.Client(TestTokens.Admin()).PostAsync($"/api/payments/orders/{orderId}/refunds",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.DoesNotContain("4242", problem.RootElement.ToString(), StringComparison.Ordinal);
        await using var db = fixture.Db();
        Assert.Equal(0, (await db.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).RefundedMinor);
    }

    [Fact]
    public async Task A_long_number_that_fails_the_Luhn_check_is_not_mistaken_for_a_card()
    {
        var orderId = await CapturedOrderAsync(total: 10m);

        var response = await RefundAsync(fixture.Client(TestTokens.Admin()), orderId, new RefundRequest(100, "ticket 4242424242424241"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<Guid> CapturedOrderAsync(decimal total, string customerId = "customer-1")
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total, customerId: customerId);
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        return placed.OrderId;
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient client, Guid orderId, RefundRequest request, string? key = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/orders/{orderId}/refunds") { Content = JsonContent.Create(request) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(message, Ct);
    }
}
