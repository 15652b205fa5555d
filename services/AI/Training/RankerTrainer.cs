using ECommerce.AI.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ECommerce.AI.Training;

/// <summary>Which learned ranker to fit.</summary>
public enum RankerKind
{
    LightGbm,
    FastTree,
}

/// <summary>
/// Fits a learning-to-rank model on candidates: features come from an engine built on data before a point in time,
/// labels are what each customer bought after it. One query group per customer.
/// </summary>
public static class RankerTrainer
{
    private sealed class TrainingRow
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        [VectorType(PersonalFeatures.Count)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Builds the labelled rows; customers none of whose next purchases are among their candidates teach nothing and are left out.</summary>
    public static List<(uint Group, Candidate Candidate, bool Relevant)> Rows(
        RecommenderEngine engine, IReadOnlyDictionary<string, List<HistoryItem>> histories,
        IReadOnlyDictionary<string, HashSet<Guid>> futures, DateTimeOffset at)
    {
        var rows = new List<(uint, Candidate, bool)>();
        uint group = 0;
        foreach (var (customer, future) in futures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!histories.TryGetValue(customer, out var history) || history.Count == 0)
            {
                continue;
            }

            var candidates = engine.Candidates(history, at);
            var labels = candidates.Select(c => future.Contains(engine.Snapshot.Items[c.Item])).ToList();
            if (!labels.Contains(true))
            {
                continue;
            }

            group++;
            rows.AddRange(candidates.Select((c, i) => (group, c, labels[i])));
        }

        return rows;
    }

    /// <summary>Fits the ranker and returns its bytes (an ML.NET model zip whose input is <see cref="RankingInput"/>).</summary>
    public static byte[]? Train(IReadOnlyList<(uint Group, Candidate Candidate, bool Relevant)> rows, RankerKind kind, int trees)
    {
        if (rows.Select(r => r.Group).Distinct().Count() < 2)
        {
            return null;
        }

        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TrainingRow { Label = r.Relevant ? 1 : 0, GroupId = r.Group, Features = r.Candidate.Features }));
        var keyed = ml.Transforms.Conversion.MapValueToKey(nameof(TrainingRow.GroupId)).Fit(data).Transform(data);

        ITransformer model = kind switch
        {
            RankerKind.LightGbm => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                NumberOfIterations = trees,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1,
                Seed = 7,
                NumberOfThreads = 1,
                Verbose = false,
                Silent = true,
            }).Fit(keyed),
            _ => ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                NumberOfTrees = trees,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1,
                NumberOfThreads = 1,
            }).Fit(keyed),
        };

        // Saved against a schema holding only the features, so serving needs no label or group column.
        var servingSchema = ml.Data.LoadFromEnumerable(Array.Empty<RankingInput>()).Schema;
        using var stream = new MemoryStream();
        ml.Model.Save(model, servingSchema, stream);
        return stream.ToArray();
    }
}
