using ECommerce.AI.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ECommerce.AI.Training;

/// <summary>The outcome of a risk training run: the model bytes (null with too little data) and the holdout AUC.</summary>
public sealed record RiskTrainingResult(byte[]? Model, double Auc, int TrainExamples, int TestExamples, double PositiveRate);

/// <summary>
/// Fits the order-risk classifier (FastTree boosted trees) on a time-based split: the newest examples are the test
/// set. The saved model ends with a feature-contribution step, so each score comes with the features that pushed it up.
/// </summary>
public static class RiskTraining
{
    internal sealed class RiskRow
    {
        public bool Label { get; set; }

        [VectorType(7)]
        public float[] Features { get; set; } = [];
    }

    public static RiskTrainingResult Train(IReadOnlyList<RiskExample> examples, double testShare = 0.2, int trees = 100)
    {
        var ordered = examples.OrderBy(e => e.At).ToList();
        var split = (int)(ordered.Count * (1 - testShare));
        var train = ordered.Take(split).ToList();
        var test = ordered.Skip(split).ToList();
        if (!HasBothClasses(train))
        {
            return new RiskTrainingResult(null, double.NaN, train.Count, test.Count, PositiveRate(ordered));
        }

        var ml = new MLContext(seed: 11);
        var auc = double.NaN;
        if (HasBothClasses(test))
        {
            var holdoutModel = Fit(ml, train, trees);
            auc = ml.BinaryClassification.Evaluate(holdoutModel.Transform(Load(ml, test))).AreaUnderRocCurve;
        }

        // The served model learns from everything; its quality is the holdout figure above.
        var model = Fit(ml, ordered, trees);
        var data = Load(ml, ordered);
        var contributions = ml.Transforms.CalculateFeatureContribution(model, numberOfPositiveContributions: RiskFeatures.Names.Length, normalize: true)
            .Fit(model.Transform(data));
        using var stream = new MemoryStream();
        ml.Model.Save(new TransformerChain<ITransformer>(model, contributions), data.Schema, stream);
        return new RiskTrainingResult(stream.ToArray(), auc, train.Count, test.Count, PositiveRate(ordered));
    }

    private static BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> Fit(
        MLContext ml, IReadOnlyList<RiskExample> examples, int trees) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = Math.Max(2, Math.Min(20, examples.Count / 50)),
            NumberOfThreads = 1,
        }).Fit(Load(ml, examples));

    private static IDataView Load(MLContext ml, IEnumerable<RiskExample> examples) =>
        ml.Data.LoadFromEnumerable(examples.Select(e => new RiskRow { Label = e.Risky, Features = e.Features.ToVector() }));

    private static bool HasBothClasses(List<RiskExample> examples) => examples.Any(e => e.Risky) && examples.Any(e => !e.Risky);

    private static double PositiveRate(List<RiskExample> examples) => examples.Count == 0 ? 0 : (double)examples.Count(e => e.Risky) / examples.Count;
}
