using ECommerce.AI.Models;

namespace ECommerce.AI.Training;

/// <summary>The outcome of a recommender training run: the model to serve, which ranker won, and the holdout metrics.</summary>
public sealed record RecommenderTrainingResult(RecommenderSnapshot Snapshot, string Chosen, IReadOnlyList<RecommenderMetrics> Metrics)
{
    /// <summary>The number promotion compares: NDCG@10 of the chosen "for you" ranking on the holdout.</summary>
    public double PrimaryMetric => Metrics.FirstOrDefault(m => m.Task == RecommenderTraining.PersonalTask && m.Recommender == Chosen)?.Ndcg ?? 0;

    /// <summary>The serving model's ranking on the same holdout (null: nothing was serving), the number promotion compares with.</summary>
    public double? ServingMetric => Metrics.FirstOrDefault(m => m.Task == RecommenderTraining.PersonalTask && m.Recommender == RecommenderTraining.ServingName)?.Ndcg;
}

/// <summary>
/// Trains and evaluates the recommenders on a time-based split. With the newest <c>HoldoutDays</c> as the test window
/// (T = end − holdout): the ranker learns from features before T − holdout and labels in [T − holdout, T); everything is
/// evaluated with statistics built before T against what customers bought after T; the served model is then rebuilt on
/// all data with the winning ranker.
/// </summary>
public static class RecommenderTraining
{
    public const string PersonalTask = "for-you";
    public const string ItemTask = "bought-together";
    public const int K = 10;

    /// <summary>The metrics row of the serving model's ranker, evaluated beside the candidates; never a candidate itself.</summary>
    public const string ServingName = "serving";
    private const int MaxQueries = 3000;

    /// <remarks>
    /// With <paramref name="serving"/>, the serving model's ranker is scored on the same holdout with the same statistics:
    /// its ranker learned from labels before its own training's test window, which always ends before this one's, so the
    /// comparison is fair. Its popularity and co-occurrence lists are not reused: they were built on data including this
    /// holdout.
    /// </remarks>
    public static RecommenderTrainingResult Train(TrainingData data, RecommenderOptions options, bool evaluateEveryRanker = true, RecommenderSnapshot? serving = null)
    {
        var purchases = data.Purchases.Where(p => !p.Cancelled).OrderBy(p => p.At).ToList();
        if (purchases.Count == 0)
        {
            return new RecommenderTrainingResult(SnapshotBuilder.Build(data, options), "None", []);
        }

        var end = purchases[^1].At;
        var testFrom = end.AddDays(-options.HoldoutDays);
        var labelFrom = testFrom.AddDays(-options.HoldoutDays);

        // 1. Ranker rows: statistics before labelFrom, labels in [labelFrom, testFrom).
        var early = new RecommenderEngine(SnapshotBuilder.Build(data.Before(labelFrom), options), options);
        var rows = RankerTrainer.Rows(early, Histories(purchases, labelFrom), Futures(purchases, labelFrom, testFrom), labelFrom);
        var rankers = new Dictionary<string, byte[]>();
        foreach (var kind in evaluateEveryRanker ? [RankerKind.LightGbm, RankerKind.FastTree] : new[] { RankerKind.LightGbm })
        {
            if (RankerTrainer.Train(rows, kind, options.RankerTrees) is { } bytes)
            {
                rankers[kind.ToString()] = bytes;
            }
        }

        // 2. Evaluate on the holdout with statistics before testFrom.
        var beforeTest = SnapshotBuilder.Build(data.Before(testFrom), options);
        var histories = Histories(purchases, testFrom);
        var futures = Futures(purchases, testFrom, DateTimeOffset.MaxValue)
            .Where(f => histories.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).Take(MaxQueries).ToList();

        var metrics = new List<RecommenderMetrics>();
        var plain = new RecommenderEngine(beforeTest, options);
        metrics.Add(EvaluatePersonal(plain, PersonalMode.Popularity, "popularity", histories, futures, testFrom));
        metrics.Add(EvaluatePersonal(plain, PersonalMode.CoOccurrence, "co-occurrence", histories, futures, testFrom));
        foreach (var (name, bytes) in rankers)
        {
            var ranked = new RecommenderEngine(beforeTest, options, LearnedRanker.Load(bytes));
            metrics.Add(EvaluatePersonal(ranked, PersonalMode.Ranked, name, histories, futures, testFrom));
        }

        if (serving is not null)
        {
            var servingRanker = serving.RankerModel is { } servingBytes ? LearnedRanker.Load(servingBytes) : null;
            metrics.Add(EvaluatePersonal(new RecommenderEngine(beforeTest, options, servingRanker),
                servingRanker is null ? PersonalMode.CoOccurrence : PersonalMode.Ranked, ServingName, histories, futures, testFrom));
        }

        metrics.AddRange(EvaluateItemToItem(plain, purchases.Where(p => p.At >= testFrom)));

        // 3. The winner by NDCG@10 (co-occurrence alone is a candidate too), then the served model on all data.
        var chosen = metrics.Where(m => m.Task == PersonalTask && m.Recommender is not ("popularity" or ServingName))
            .OrderByDescending(m => m.Ndcg).ThenBy(m => m.Recommender, StringComparer.Ordinal).First().Recommender;
        var snapshot = SnapshotBuilder.Build(data, options);
        if (rankers.TryGetValue(chosen, out var winner))
        {
            snapshot.Ranker = chosen;
            snapshot.RankerModel = winner;
        }

        return new RecommenderTrainingResult(snapshot, chosen, metrics);
    }

    /// <summary>Each customer's purchases before <paramref name="until"/>, as history items.</summary>
    public static Dictionary<string, List<HistoryItem>> Histories(IEnumerable<Purchase> purchases, DateTimeOffset until) =>
        purchases.Where(p => p.At < until && !p.Cancelled).GroupBy(p => p.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Lines.Select(l => new HistoryItem(l.ProductId, p.At))).ToList(), StringComparer.Ordinal);

    private static Dictionary<string, HashSet<Guid>> Futures(IEnumerable<Purchase> purchases, DateTimeOffset from, DateTimeOffset until) =>
        purchases.Where(p => p.At >= from && p.At < until && !p.Cancelled).GroupBy(p => p.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Lines.Select(l => l.ProductId)).ToHashSet(), StringComparer.Ordinal);

    private static RecommenderMetrics EvaluatePersonal(
        RecommenderEngine engine, PersonalMode mode, string name,
        Dictionary<string, List<HistoryItem>> histories, List<KeyValuePair<string, HashSet<Guid>>> futures, DateTimeOffset at) =>
        RankingMetrics.Compute(PersonalTask, name, futures.Select(f =>
            ((IReadOnlyList<Guid>)[.. engine.ForCustomer(histories[f.Key], at, K, mode).Select(s => s.ProductId)], (IReadOnlySet<Guid>)f.Value)), K);

    /// <summary>Item-to-item: given the first product of a holdout basket, predict the rest of it.</summary>
    private static IEnumerable<RecommenderMetrics> EvaluateItemToItem(RecommenderEngine engine, IEnumerable<Purchase> holdout)
    {
        var queries = holdout
            .Select(p => p.Lines.Select(l => l.ProductId).Distinct().ToList())
            .Where(items => items.Count >= 2 && engine.Knows(items[0]))
            .Take(MaxQueries)
            .Select(items => (Query: items[0], Others: (IReadOnlySet<Guid>)items.Skip(1).ToHashSet()))
            .ToList();
        var popular = engine.Popular([], K + 1).Select(s => s.ProductId).ToList();

        IReadOnlyList<Guid> Ids(IEnumerable<ScoredItem> items) => [.. items.Select(s => s.ProductId)];
        yield return RankingMetrics.Compute(ItemTask, "popularity", queries.Select(q => (Ids(popular.Where(p => p != q.Query).Take(K).Select(p => new ScoredItem(p, 0))), q.Others)), K);
        yield return RankingMetrics.Compute(ItemTask, "co-occurrence", queries.Select(q => (Ids(engine.BoughtTogether(q.Query, K)), q.Others)), K);
        yield return RankingMetrics.Compute(ItemTask, "similar (text)", queries.Select(q => (Ids(engine.Similar(q.Query, K)), q.Others)), K);
    }
}
