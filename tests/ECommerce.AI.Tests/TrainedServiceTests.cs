using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Recommendations;
using ECommerce.AI.Risk;
using ECommerce.AI.Training;
using ECommerce.AI.Views;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>The service after training on its own tables: promotion, serving from the model, hot swap, review threshold.</summary>
public sealed class TrainedServiceTests(TrainedAiHost host) : IClassFixture<TrainedAiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_trained_models_are_promoted_and_listed_with_their_metrics()
    {
        var overview = await host.Client(TestTokens.Admin()).GetFromJsonAsync<ModelsOverview>("/api/ai/models", Ct);

        Assert.All(host.FirstRun, o => Assert.True(o.Promoted, o.Decision));
        Assert.True(overview!.RecommenderVersion >= 1);
        Assert.True(overview.RiskVersion >= 1);
        var recommender = overview.History.First(m => m.Kind == ModelVersion.Recommender && m.Serving);
        Assert.True(recommender.PrimaryMetric > 0);
        Assert.Contains("popularity", recommender.Metrics.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_with_history_gets_model_recommendations_without_non_repeat_items_they_bought()
    {
        var customer = host.Data.Purchases.GroupBy(p => p.CustomerId).OrderByDescending(g => g.Count()).First();
        var bought = customer.SelectMany(p => p.Lines.Select(l => l.ProductId)).ToHashSet();

        var list = await host.Client(TestTokens.Customer(customer.Key)).GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?limit=10", Ct);

        Assert.Equal("model", list!.Source);
        Assert.Equal(10, list.Items.Count);
        var engine = host.Factory.Services.GetRequiredService<Models.ModelHolder>().Current.Recommender!;
        var rates = engine.Snapshot.Items.Select((id, i) => (id, rate: engine.Snapshot.RepeatRates[i])).ToDictionary(x => x.id, x => x.rate);
        Assert.All(list.Items.Where(i => bought.Contains(i.ProductId)), i => Assert.True(rates[i.ProductId] >= 0.3f, $"{i.ProductId} is not a repeat item"));
    }

    [Fact]
    public async Task Anonymous_visitors_get_best_sellers_of_the_categories_they_viewed()
    {
        var mug = host.Data.Catalog.Values.First(c => c.Category == "mug");
        var client = host.Client();
        await client.PostAsJsonAsync("/api/ai/events/views", new ProductViewsRequest("visitor-mugs-1", [mug.Id]), Ct);

        var list = await client.GetFromJsonAsync<RecommendationList>("/api/ai/recommendations/for-me?visitorId=visitor-mugs-1", Ct);

        Assert.Equal("popular", list!.Source);
        Assert.Equal("mug", host.Data.Catalog[list.Items[0].ProductId].Category);
    }

    [Fact]
    public async Task Similar_products_share_name_words_or_category()
    {
        var product = host.Data.Catalog.Values.First();

        var list = await host.Client().GetFromJsonAsync<RecommendationList>($"/api/ai/similar/{product.Id}", Ct);

        Assert.Equal("model", list!.Source);
        Assert.DoesNotContain(list.Items, i => i.ProductId == product.Id);
        Assert.Equal(product.Category, host.Data.Catalog[list.Items[0].ProductId].Category);
    }

    [Fact]
    public async Task Hot_swap_under_concurrent_requests_drops_none()
    {
        var customer = host.Data.Purchases[0].CustomerId;
        var product = host.Data.Purchases[^1].Lines[0].ProductId;
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var versions = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        async Task HammerAsync(HttpClient client, string url)
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.GetAsync(url, Ct);
                statuses.Add(response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    versions.Add((await response.Content.ReadFromJsonAsync<RecommendationList>(Ct))!.ModelVersion);
                }
            }
        }

        var load = Enumerable.Range(0, 6).Select(i => Task.Run(() => HammerAsync(
            i % 2 == 0 ? host.Client(TestTokens.Customer(customer)) : host.Client(),
            i % 2 == 0 ? "/api/ai/recommendations/for-me" : $"/api/ai/recommendations/bought-together/{product}"), Ct)).ToList();
        var before = host.Factory.Services.GetRequiredService<Models.ModelHolder>().Current.RecommenderVersion;

        var run = await host.Client(TestTokens.Admin()).PostAsync("/api/ai/models/train", null, Ct);
        await Task.Delay(300, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(before, versions);
        Assert.Contains(versions, v => v > before);
    }

    [Fact]
    public async Task A_risk_score_above_the_configured_threshold_asks_for_review()
    {
        var client = host.Client(TestTokens.Admin());
        var safe = await (await client.PostAsJsonAsync("/api/ai/risk", new RiskScoreRequest(null, host.Data.Purchases[0].CustomerId, 20, "EUR", 2, 200, 0, 0), Ct))
            .Content.ReadFromJsonAsync<RiskScoreResponse>(Ct);
        var risky = await (await client.PostAsJsonAsync("/api/ai/risk", new RiskScoreRequest(null, "brand-new", 3000, "EUR", 9, 0, 3, 4), Ct))
            .Content.ReadFromJsonAsync<RiskScoreResponse>(Ct);

        Assert.Equal("model", risky!.Source);
        Assert.True(risky.Score > safe!.Score, $"risky {risky.Score} vs safe {safe.Score}");
        Assert.Equal(risky.Score > 0.5, risky.Review);
        Assert.Equal(safe.Score > 0.5, safe.Review);
        Assert.NotEmpty(risky.Reasons);
    }
}
