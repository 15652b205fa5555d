using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Payments.Domain;
using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Providers.Simulated;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ECommerce.Payments.Tests;

/// <summary>A guest's payment read through the order's signed link, and moved to the account that verifies the guest's address.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class GuestPaymentTests(PaymentsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_order_link_token_reads_the_guest_payment_as_the_customer_endpoint_answers_it()
    {
        var email = $"guest-{Guid.NewGuid():N}@shop.test";
        var orderId = await CapturedGuestOrderAsync(email, 12.5m);
        var tokens = fixture.Factory.Services.GetRequiredService<OrderAccessTokens>();
        var token = tokens.Issue(orderId).Token;
        using var anonymous = fixture.Client();

        using var byHeader = new HttpRequestMessage(HttpMethod.Get, $"/api/payments/guest/orders/{orderId}");
        byHeader.Headers.Add(OrderAccessTokens.HeaderName, token);
        using var response = await anonymous.SendAsync(byHeader, Ct);
        var byQuery = await anonymous.GetFromJsonAsync<MyPaymentResponse>($"/api/payments/guest/orders/{orderId}?access={Uri.EscapeDataString(token)}", PaymentsFixture.Json, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payment = (await response.Content.ReadFromJsonAsync<MyPaymentResponse>(PaymentsFixture.Json, Ct))!;
        Assert.Equal((orderId, PaymentStatus.Captured, 1250L, true), (payment.OrderId, payment.Status, payment.CapturedMinor, payment.Simulated));
        Assert.Equal(payment, byQuery);

        var otherOrder = await CapturedGuestOrderAsync(email, 5m);
        var expired = tokens.Issue(orderId, DateTimeOffset.UtcNow.AddSeconds(-1));
        var foreign = new OrderAccessTokens(Options.Create(new OrderAccessOptions { SigningKey = "another-key-entirely-123" }), TimeProvider.System).Issue(orderId).Token;
        foreach (var (what, bad) in new[] { ("none", ""), ("other order's", tokens.Issue(otherOrder).Token), ("expired", expired), ("other key", foreign), ("garbage", "1.x") })
        {
            using var refused = await anonymous.GetAsync($"/api/payments/guest/orders/{orderId}?access={Uri.EscapeDataString(bad)}", Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)refused.StatusCode}");
        }
    }

    [Fact]
    public async Task A_verified_email_moves_the_guest_payments_to_the_account()
    {
        var email = $"Claim-{Guid.NewGuid():N}@shop.test";
        var orderId = await CapturedGuestOrderAsync(email, 7m);
        var userId = Guid.NewGuid().ToString();
        using var account = fixture.Client(TestTokens.Customer(userId, email));
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"/api/payments/me/orders/{orderId}", Ct)).StatusCode);

        await fixture.DeliverAsync(new EmailVerified(userId, email.ToUpperInvariant()));

        var mine = await account.GetFromJsonAsync<MyPaymentResponse>($"/api/payments/me/orders/{orderId}", PaymentsFixture.Json, Ct);
        Assert.Equal(700, mine!.CapturedMinor);
    }

    private async Task<Guid> CapturedGuestOrderAsync(string email, decimal total)
    {
        var placed = TestOrders.Placed(TestPaymentMethods.Visa, total, customerId: GuestCustomers.IdFor(email));
        await fixture.DeliverAsync(placed);
        await fixture.DeliverAsync(TestOrders.Reserved(placed.OrderId));
        return placed.OrderId;
    }
}
