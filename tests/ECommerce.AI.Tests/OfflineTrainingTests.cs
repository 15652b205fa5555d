using ECommerce.AI.Datasets;
using ECommerce.AI.Models;
using ECommerce.AI.Training;

namespace ECommerce.AI.Tests;

/// <summary>The learners on small generated data, without a host: they must beat the popularity baseline on the holdout.</summary>
public sealed class OfflineTrainingTests
{
    private static readonly Lazy<(TrainingData Data, RecommenderTrainingResult Result)> Trained = new(() =>
    {
        var data = SyntheticDataset.Generate(customers: 400, productsPerCategory: 10, days: 150, seed: 3);
        return (data, RecommenderTraining.Train(data, new RecommenderOptions()));
    });

    [Fact]
    public void The_served_for_you_ranking_beats_the_popularity_baseline_on_the_holdout()
    {
        var metrics = Trained.Value.Result.Metrics.Where(m => m.Task == RecommenderTraining.PersonalTask).ToList();
        var popularity = metrics.Single(m => m.Recommender == "popularity");
        var served = metrics.Single(m => m.Recommender == Trained.Value.Result.Chosen);

        Assert.True(popularity.Queries > 20, $"only {popularity.Queries} holdout customers");
        Assert.True(served.Ndcg > popularity.Ndcg, $"{served.Recommender} NDCG@10 {served.Ndcg:0.000} vs popularity {popularity.Ndcg:0.000}");
        Assert.True(served.HitRate > popularity.HitRate, $"{served.Recommender} HR@10 {served.HitRate:0.000} vs popularity {popularity.HitRate:0.000}");
    }

    [Fact]
    public void Bought_together_beats_the_popularity_baseline_on_holdout_baskets()
    {
        var metrics = Trained.Value.Result.Metrics.Where(m => m.Task == RecommenderTraining.ItemTask).ToList();
        var popularity = metrics.Single(m => m.Recommender == "popularity");
        var together = metrics.Single(m => m.Recommender == "co-occurrence");

        Assert.True(together.Ndcg > popularity.Ndcg, $"co-occurrence {together.Ndcg:0.000} vs popularity {popularity.Ndcg:0.000}");
    }

    [Fact]
    public void The_risk_model_ranks_risky_orders_above_safe_ones_on_the_holdout()
    {
        var risk = RiskTraining.Train(Trained.Value.Data.RiskExamples);

        Assert.NotNull(risk.Model);
        Assert.True(risk.Auc > 0.55, $"AUC {risk.Auc:0.000}");
    }

    [Fact]
    public void A_stored_snapshot_serves_the_same_lists_after_a_round_trip()
    {
        var snapshot = Trained.Value.Result.Snapshot;
        var restored = RecommenderSnapshot.FromBytes(snapshot.ToBytes());
        var options = new RecommenderOptions();
        var item = snapshot.Items[snapshot.PopularGlobal[0]];

        var before = new RecommenderEngine(snapshot, options).BoughtTogether(item, 10);
        var after = new RecommenderEngine(restored, options).BoughtTogether(item, 10);

        Assert.NotEmpty(before);
        Assert.Equal(before.Select(s => s.ProductId), after.Select(s => s.ProductId));
    }
}
