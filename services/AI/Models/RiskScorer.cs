using System.Globalization;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ECommerce.AI.Models;

/// <summary>A risk score in [0, 1] and the features that raised it, in plain words.</summary>
public sealed record RiskAssessment(double Score, IReadOnlyList<string> Reasons, string Source);

/// <summary>Scores order features with the trained classifier (pooled prediction engines), or with fixed rules when there is none.</summary>
public sealed class RiskScorer
{
    private readonly ObjectPool<PredictionEngine<RiskInput, RiskOutput>>? _engines;

    private RiskScorer(ObjectPool<PredictionEngine<RiskInput, RiskOutput>>? engines) => _engines = engines;

    /// <summary>The rules used before any model exists.</summary>
    public static readonly RiskScorer Rules = new(null);

    public static RiskScorer Load(byte[] bytes)
    {
        var ml = new MLContext(seed: 11);
        using var stream = new MemoryStream(bytes);
        var model = ml.Model.Load(stream, out _);
        return new RiskScorer(new DefaultObjectPool<PredictionEngine<RiskInput, RiskOutput>>(
            new EnginePolicy<RiskInput, RiskOutput>(ml, model), Environment.ProcessorCount * 4));
    }

    public RiskAssessment Score(RiskFeatures features)
    {
        if (_engines is null)
        {
            return ScoreByRules(features);
        }

        var engine = _engines.Get();
        RiskOutput output;
        try
        {
            output = engine.Predict(new RiskInput { Features = features.ToVector() });
        }
        finally
        {
            _engines.Return(engine);
        }

        var reasons = output.FeatureContributions
            .Select((weight, i) => (Weight: weight, Index: i))
            .Where(c => c.Weight > 0.1f)
            .OrderByDescending(c => c.Weight)
            .Take(3)
            .Select(c => Describe(c.Index, features))
            .ToList();
        return new RiskAssessment(Math.Round(output.Probability, 4), reasons, "model");
    }

    /// <summary>Transparent rules: each signal adds to a logistic score and names itself as a reason.</summary>
    private static RiskAssessment ScoreByRules(RiskFeatures f)
    {
        var signals = new List<(double Weight, int Feature)>();
        if (f.PreviousOrders > 0 && f.AmountToCustomerAverage > 3) signals.Add((1.5, 1));
        if (f.AccountAgeDays < 1) signals.Add((1.0, 3));
        if (f.AddressChangesLast30Days >= 2) signals.Add((1.2, 4));
        if (f.OrdersLast24Hours >= 3) signals.Add((1.2, 5));
        if (f.Amount > 1000) signals.Add((0.8, 0));
        var score = 1 / (1 + Math.Exp(3 - signals.Sum(s => s.Weight)));
        return new RiskAssessment(Math.Round(score, 4), [.. signals.OrderByDescending(s => s.Weight).Select(s => Describe(s.Feature, f))], "rules");
    }

    private static string Describe(int feature, RiskFeatures f) => feature switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"order amount {f.Amount:0.00} is high"),
        1 => string.Create(CultureInfo.InvariantCulture, $"amount is {f.AmountToCustomerAverage:0.0}x the customer's average order"),
        2 => string.Create(CultureInfo.InvariantCulture, $"customer has {f.PreviousOrders} previous orders"),
        3 => string.Create(CultureInfo.InvariantCulture, $"account is {f.AccountAgeDays:0} days old"),
        4 => string.Create(CultureInfo.InvariantCulture, $"{f.AddressChangesLast30Days} address changes in the last 30 days"),
        5 => string.Create(CultureInfo.InvariantCulture, $"{f.OrdersLast24Hours} orders in the last 24 hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{f.LineCount} lines in the order"),
    };

    internal sealed class RiskInput
    {
        public bool Label { get; set; }

        [VectorType(7)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class RiskOutput
    {
        public float Probability { get; set; }

        public float[] FeatureContributions { get; set; } = [];
    }
}
