using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Review;
using ECommerce.Testing;

namespace ECommerce.Orders.Tests;

/// <summary>
/// Risk that acts: checkout asks AI (played by the neighbour server) for a score; at Orders:Risk:HoldThreshold (0.5)
/// the order is placed with HoldForReview, waits in HeldForReview once Payments reports the authorisation, and the
/// back office approves (OrderReviewApproved, then the capture makes it Paid) or rejects (cancelled, nothing captured).
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class RiskReviewTests(OrdersHost host)
{
    private static readonly string[] StrongSignals =
        ["amount is 6.2x the customer's average order", "account is 0 days old", "4 orders in the last 24 hours"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_risky_order_is_held_authorised_and_when_approved_is_paid_once()
    {
        var (customer, token, order) = await PlaceHeldOrderAsync("risk-approve", 0.91);
        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.True(placed.GetProperty("holdForReview").GetBoolean());
        var sent = host.Neighbours.RiskRequests[customer];
        Assert.Equal((order.Total, 1, 0), (sent.GetProperty("amount").GetDecimal(), sent.GetProperty("lineCount").GetInt32(), sent.GetProperty("ordersLast24Hours").GetInt32()));

        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(3)));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.StockReserved);
        await host.PublishAsync(new PaymentAuthorised(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));
        var held = await host.WaitForStatusAsync(token, order.Id, OrderStatus.HeldForReview);
        Assert.InRange(held.StockHeldUntil!.Value, DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(3));
        Assert.DoesNotContain(held.History, h => h.Reason?.Contains("0.91", StringComparison.Ordinal) == true);

        using var admin = host.Client(TestTokens.Admin());
        var queued = Assert.Single((await admin.GetFromJsonAsync<List<HeldOrderView>>("/api/orders/admin/risk/queue", OrdersHost.Json, Ct))!, o => o.Id == order.Id);
        Assert.Equal((0.91, "model", null), (queued.Score, queued.Source, queued.Decision));
        Assert.Equal(StrongSignals, queued.Reasons);

        using var approved = await admin.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using var again = await admin.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var reject = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/risk/reject", new RejectReviewRequest("too late"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        var approval = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderReviewApproved)));
        Assert.Equal("admin:admin-1", approval.GetProperty("approvedBy").GetString());

        var paymentId = Guid.NewGuid();
        await host.PublishAsync(new PaymentSucceeded(order.Id, paymentId, (long)(order.Total * 100), "GBP"));
        await host.RedeliverAsync(new PaymentSucceeded(order.Id, paymentId, (long)(order.Total * 100), "GBP"));
        var paid = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Paid);
        Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPaid)));
        Assert.Equal([OrderStatus.Pending, OrderStatus.StockReserved, OrderStatus.HeldForReview, OrderStatus.HeldForReview, OrderStatus.Paid], paid.History.Select(h => h.To));
        Assert.Equal(Order.ReviewApprovedTrigger, paid.History[3].Trigger);
        Assert.Single(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderReviewApproved));
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type == nameof(OrderCancelled));
    }

    [Fact]
    public async Task A_rejected_order_is_cancelled_unpaid_so_its_stock_is_released_and_its_authorisation_voided()
    {
        var (_, token, order) = await PlaceHeldOrderAsync("risk-reject", 0.77);
        await host.PublishAsync(new PaymentAuthorised(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.HeldForReview);
        await host.PublishAsync(new StockReserved(order.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(3)));

        using var admin = host.Client(TestTokens.Admin());
        using var blank = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/risk/reject", new RejectReviewRequest(" "), Ct);
        await NamesFieldAsync(blank, "reason");
        using var rejected = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/risk/reject", new RejectReviewRequest("card reported stolen"), Ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var result = (await rejected.Content.ReadFromJsonAsync<ReviewResultView>(OrdersHost.Json, Ct))!;
        Assert.Equal((OrderStatus.Cancelled, ReviewDecision.Rejected, "card reported stolen"), (result.Status, result.Decision, result.Note));
        using var approve = await admin.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal(Order.RejectedReason, cancelled.CancellationReason);
        Assert.DoesNotContain(cancelled.History, h => h.Reason?.Contains("stolen", StringComparison.Ordinal) == true);
        var cancellation = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled)));
        Assert.False(cancellation.GetProperty("wasPaid").GetBoolean());
        Assert.DoesNotContain(await host.PublishedAsync(order.Id), p => p.Type is nameof(OrderReviewApproved) or nameof(OrderPaid));
    }

    [Fact]
    public async Task A_low_risk_order_is_not_held()
    {
        var token = TestTokens.Customer($"risk-low-{Guid.NewGuid():N}");
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(20m));

        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.False(placed.GetProperty("holdForReview").GetBoolean());
        using var admin = host.Client(TestTokens.Admin());
        Assert.DoesNotContain((await admin.GetFromJsonAsync<List<HeldOrderView>>("/api/orders/admin/risk/queue", OrdersHost.Json, Ct))!, o => o.Id == order.Id);
        using var approve = await admin.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
    }

    [Fact]
    public async Task Approvals_and_rejections_racing_end_in_one_decision_and_one_event()
    {
        var (_, token, order) = await PlaceHeldOrderAsync("risk-race", 0.8);
        await host.PublishAsync(new PaymentAuthorised(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.HeldForReview);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var admin = host.Client(TestTokens.Admin($"admin-{i}"));
            using var response = i % 2 == 0
                ? await admin.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct)
                : await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/risk/reject", new RejectReviewRequest("race"), Ct);
            return (Approve: i % 2 == 0, response.StatusCode);
        }));

        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => a.Approve).Distinct().ToList();
        var approvedWon = Assert.Single(winners);
        Assert.All(answers.Where(a => a.Approve != approvedWon), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await Task.Delay(1000, Ct);
        var published = await host.PublishedAsync(order.Id);
        Assert.Equal(approvedWon ? 1 : 0, published.Count(p => p.Type == nameof(OrderReviewApproved)));
        Assert.Equal(approvedWon ? 0 : 1, published.Count(p => p.Type == nameof(OrderCancelled)));
    }

    [Fact]
    public async Task When_AI_cannot_score_the_order_is_placed_unheld_and_recorded_as_unscored()
    {
        var customer = $"risk-down-{Guid.NewGuid():N}";
        host.Neighbours.Risk[customer] = new StubRisk(0.99, StrongSignals);
        host.Neighbours.RiskAvailable = false;
        OrderDetail order;
        try
        {
            order = await host.PlaceOrderAsync(TestTokens.Customer(customer), host.Neighbours.AddProduct(30m));
        }
        finally
        {
            host.Neighbours.RiskAvailable = true;
        }

        var placed = Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderPlaced)));
        Assert.False(placed.GetProperty("holdForReview").GetBoolean());
        using var admin = host.Client(TestTokens.Admin());
        var summary = (await admin.GetFromJsonAsync<RiskSummaryView>("/api/orders/admin/risk/summary?days=1", OrdersHost.Json, Ct))!;
        Assert.True(summary.Unscored >= 1);
        Assert.Equal(0.5, summary.HoldThreshold);
    }

    [Fact]
    public async Task The_summary_counts_held_orders_and_precision_and_only_admins_see_the_queue()
    {
        var (_, token, order) = await PlaceHeldOrderAsync("risk-summary", 0.6);
        await host.PublishAsync(new PaymentAuthorised(order.Id, Guid.NewGuid(), (long)(order.Total * 100), "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.HeldForReview);
        using var admin = host.Client(TestTokens.Admin());
        using var rejected = await admin.PostAsJsonAsync($"/api/orders/admin/{order.Id}/risk/reject", new RejectReviewRequest("fraud ring"), Ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var summary = (await admin.GetFromJsonAsync<RiskSummaryView>("/api/orders/admin/risk/summary", OrdersHost.Json, Ct))!;
        Assert.True(summary.Held >= 1 && summary.Rejected >= 1 && summary.HeldShare > 0 && summary.Precision > 0);
        using var badDays = await admin.GetAsync("/api/orders/admin/risk/summary?days=0", Ct);
        await NamesFieldAsync(badDays, "days");

        using var shopper = host.Client(token);
        foreach (var path in new[] { "/api/orders/admin/risk/queue", "/api/orders/admin/risk/summary" })
        {
            using var response = await shopper.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var approve = await shopper.PostAsync($"/api/orders/admin/{order.Id}/risk/approve", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
    }

    private static async Task NamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"The problem should name {field}.");
    }

    private async Task<(string Customer, string Token, OrderDetail Order)> PlaceHeldOrderAsync(string prefix, double score)
    {
        var customer = $"{prefix}-{Guid.NewGuid():N}";
        host.Neighbours.Risk[customer] = new StubRisk(score, StrongSignals);
        var token = TestTokens.Customer(customer);
        return (customer, token, await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(250m)));
    }
}

/// <summary>A held order nobody decides is cancelled when the review window (2 s here) runs out.</summary>
public sealed class RiskReviewTimeoutTests(ShortTimeoutHost host) : IClassFixture<ShortTimeoutHost>
{
    [Fact]
    public async Task A_held_order_not_decided_within_the_review_window_is_cancelled()
    {
        var customer = $"risk-timeout-{Guid.NewGuid():N}";
        host.Neighbours.Risk[customer] = new StubRisk(0.9, ["account is 0 days old"]);
        var token = TestTokens.Customer(customer);
        var order = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(99m));
        await host.PublishAsync(new PaymentAuthorised(order.Id, Guid.NewGuid(), 9900, "GBP"));
        await host.WaitForStatusAsync(token, order.Id, OrderStatus.HeldForReview);

        var cancelled = await host.WaitForStatusAsync(token, order.Id, OrderStatus.Cancelled);
        Assert.Equal(("review_timeout", OrderStatus.HeldForReview), (cancelled.CancellationReason, cancelled.History[^1].From));
        Assert.False(Assert.Single(await host.WaitForPublishedAsync(order.Id, nameof(OrderCancelled))).GetProperty("wasPaid").GetBoolean());
    }
}
