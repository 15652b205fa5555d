using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Recommendations;
using ECommerce.AI.Risk;
using ECommerce.AI.Views;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>A service that has never trained: popularity from the tables, rules for risk, and 400s for bad input.</summary>
public sealed class NoModelTests(AiHost host) : IClassFixture<AiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_model_recommendations_fall_back_to_the_best_sellers()
    {
        var best = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var db = host.NewDb())
        {
            for (var i = 0; i < 3; i++)
            {
                var id = Guid.NewGuid();
                db.Orders.Add(new PaidOrder
                {
                    Id = id,
                    CustomerId = $"fallback-{i}",
                    PaidAt = DateTimeOffset.UtcNow.AddDays(-1),
                    Total = 10,
                    Currency = "EUR",
                    Lines = [new() { OrderId = id, LineNumber = 1, ProductId = best, Quantity = 1, UnitPrice = 5 },
                             .. i == 0 ? new[] { new PaidOrderLine { OrderId = id, LineNumber = 2, ProductId = other, Quantity = 1, UnitPrice = 5 } } : []],
                });
            }

            await db.SaveChangesAsync(Ct);
        }

        var forMe = await host.Client(TestTokens.Customer("new-customer")).GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me", Ct);
        var together = await host.Client().GetFromJsonAsync<RecommendationList>($"/api/ai/recommendations/bought-together/{best}", Ct);

        Assert.Equal("fallback", forMe!.Source);
        Assert.Equal(best, forMe.Items[0].ProductId);
        Assert.Equal("fallback", together!.Source);
        Assert.DoesNotContain(together.Items, i => i.ProductId == best);
        Assert.Contains(together.Items, i => i.ProductId == other);
    }

    [Fact]
    public async Task Without_a_model_risk_is_scored_by_rules_with_reasons()
    {
        var response = await host.Client(TestTokens.Admin()).PostAsJsonAsync("/api/ai/risk", new RiskScoreRequest(
            Guid.NewGuid(), "risky-1", 2500, "EUR", 8, AccountAgeDays: 0, AddressChangesLast30Days: 3, OrdersLast24Hours: 5), Ct);
        var score = await response.Content.ReadFromJsonAsync<RiskScoreResponse>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rules", score!.Source);
        Assert.True(score.Review);
        Assert.Contains(score.Reasons, r => r.Contains("address changes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/ai/recommendations/bought-together/not-a-guid", "productId")]
    [InlineData("/api/ai/similar/00000000-0000-0000-0000-000000000000", "productId")]
    [InlineData("/api/ai/recommendations/bought-together/5b0c5b8e-4a9f-4c1e-9d57-2f1e9a1c0b01?limit=500", "limit")]
    [InlineData("/api/ai/recommendations/for-me?limit=0", "limit")]
    [InlineData("/api/ai/recommendations/for-me?visitorId=%3Cscript%3E", "visitorId")]
    public async Task Invalid_recommendation_requests_are_400_naming_the_field(string url, string field)
    {
        var response = await host.Client().GetAsync(url, Ct);

        await AssertValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("""{"customerId":"","amount":10,"currency":"EUR","lineCount":1}""", "customerId")]
    [InlineData("""{"customerId":"c1","amount":-1,"currency":"EUR","lineCount":1}""", "amount")]
    [InlineData("""{"customerId":"c1","amount":10,"currency":"euro","lineCount":1}""", "currency")]
    [InlineData("""{"customerId":"c1","amount":10,"currency":"EUR","lineCount":0}""", "lineCount")]
    [InlineData("""{"customerId":"c1","amount":"ten","currency":"EUR","lineCount":1}""", "amount")]
    public async Task Invalid_risk_requests_are_400_naming_the_field(string body, string field)
    {
        var response = await host.Client(TestTokens.Admin()).PostAsync("/api/ai/risk", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData(null, """{"visitorId":"short","productIds":["5b0c5b8e-4a9f-4c1e-9d57-2f1e9a1c0b01"]}""", "visitorId")]
    [InlineData(null, """{"visitorId":"visitor-123456","productIds":[]}""", "productIds")]
    [InlineData("customer", """{"productIds":["00000000-0000-0000-0000-000000000000"]}""", "productIds")]
    public async Task Invalid_view_events_are_400_and_store_nothing(string? role, string body, string field)
    {
        var client = role is null ? host.Client() : host.Client(TestTokens.Customer("viewer-1"));
        var response = await client.PostAsync("/api/ai/events/views", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await AssertValidationProblemAsync(response, field);
        await using var db = host.NewDb();
        Assert.False(db.Views.Any(v => v.VisitorId == "short" || v.VisitorId == "viewer-1"));
    }

    [Fact]
    public async Task Risk_scores_need_an_admin_or_service_token_and_models_need_an_admin()
    {
        var request = new RiskScoreRequest(null, "c1", 10, "EUR", 1, null, 0, null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/ai/risk", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(TestTokens.Customer("c1")).PostAsJsonAsync("/api/ai/risk", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(TestTokens.Issue("orders-service", ["service"])).PostAsJsonAsync("/api/ai/risk", request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(TestTokens.Customer("c1")).GetAsync("/api/ai/models", Ct)).StatusCode);
    }

    [Fact]
    public async Task Repeated_views_in_the_same_hour_are_stored_once()
    {
        var product = Guid.NewGuid();
        var client = host.Client();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest("visitor-repeat-1", [product, product]), Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using var db = host.NewDb();
        Assert.Equal(1, db.Views.Count(v => v.VisitorId == ViewerKey.Anonymous("visitor-repeat-1") && v.ProductId == product));
    }

    [Fact]
    public async Task An_anonymous_view_naming_a_customer_id_leaves_that_customers_history_alone()
    {
        var customerId = Guid.NewGuid().ToString();
        var product = Guid.NewGuid();

        var response = await host.Client().PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest(customerId, [product]), Ct);

        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode is 400 or 403, $"{(int)response.StatusCode}");
        Assert.Empty(await HistoryOf(customerId));
    }

    [Fact]
    public async Task A_signed_in_customer_cannot_write_into_another_customers_history()
    {
        var (me, other) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var product = Guid.NewGuid();

        var response = await host.Client(TestTokens.Customer(me)).PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest(other, [product]), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await HistoryOf(other));
        Assert.Equal([product], (await HistoryOf(me)).Select(v => v.ProductId));
    }

    private async Task<List<Models.HistoryItem>> HistoryOf(string customerId)
    {
        using var scope = host.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Recommendations.HistoryReader>().ViewsAsync(customerId, Ct);
    }

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), body);
    }
}
