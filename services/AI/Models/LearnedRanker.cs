using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ECommerce.AI.Models;

/// <summary>The ranker's input row: the candidate features only (labels and groups exist only while training).</summary>
public sealed class RankingInput
{
    [VectorType(PersonalFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>The ranker's output: a relevance score, higher is better.</summary>
public sealed class RankingOutput
{
    public float Score { get; set; }
}

/// <summary>
/// A trained ML.NET ranking model ready to score candidates from many threads. PredictionEngine is not thread-safe
/// (and Microsoft.Extensions.ML, which pools them, is not in this registry), so engines come from an object pool.
/// </summary>
public sealed class LearnedRanker
{
    private readonly ObjectPool<PredictionEngine<RankingInput, RankingOutput>> _engines;

    public LearnedRanker(MLContext ml, ITransformer model)
    {
        _engines = new DefaultObjectPool<PredictionEngine<RankingInput, RankingOutput>>(
            new EnginePolicy<RankingInput, RankingOutput>(ml, model), Environment.ProcessorCount * 4);
    }

    public static LearnedRanker Load(byte[] bytes)
    {
        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream(bytes);
        return new LearnedRanker(ml, ml.Model.Load(stream, out _));
    }

    public float[] Score(IReadOnlyList<Candidate> candidates)
    {
        var engine = _engines.Get();
        try
        {
            var scores = new float[candidates.Count];
            var input = new RankingInput();
            var output = new RankingOutput();
            for (var i = 0; i < candidates.Count; i++)
            {
                input.Features = candidates[i].Features;
                engine.Predict(input, ref output);
                scores[i] = output.Score;
            }

            return scores;
        }
        finally
        {
            _engines.Return(engine);
        }
    }
}

/// <summary>Creates prediction engines for a model on demand; the pool keeps them for reuse.</summary>
internal sealed class EnginePolicy<TIn, TOut>(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<TIn, TOut>>
    where TIn : class
    where TOut : class, new()
{
    public PredictionEngine<TIn, TOut> Create() => ml.Model.CreatePredictionEngine<TIn, TOut>(model);

    public bool Return(PredictionEngine<TIn, TOut> obj) => true;
}
