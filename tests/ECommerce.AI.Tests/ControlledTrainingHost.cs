using ECommerce.AI.Models;
using ECommerce.AI.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECommerce.AI.Tests;

/// <summary>How the next training behaves: as in production, with a worse candidate, or throwing.</summary>
public enum TrainingMode
{
    Normal,
    Worse,
    Failing,
}

/// <summary>The real trainings, made worse or failing on request, to see what the trainer does with a bad run.</summary>
public sealed class ControlledTraining : ModelTraining
{
    public TrainingMode Mode { get; set; }

    public override RecommenderTrainingResult Recommender(TrainingData data, RecommenderOptions options, RecommenderSnapshot? serving)
    {
        if (Mode == TrainingMode.Failing)
        {
            throw new InvalidOperationException("test: the training data could not be read");
        }

        var result = base.Recommender(data, options, serving);
        // A worse candidate: every candidate ranking loses half its NDCG; the serving model's row stays as measured.
        return Mode == TrainingMode.Worse
            ? result with { Metrics = [.. result.Metrics.Select(m => m.Recommender == RecommenderTraining.ServingName ? m : m with { Ndcg = m.Ndcg / 2 })] }
            : result;
    }

    public override RiskTrainingResult Risk(IReadOnlyList<RiskExample> examples)
    {
        var result = base.Risk(examples);
        return Mode == TrainingMode.Worse ? result with { Auc = 0.3 } : result;
    }
}

/// <summary>An AI host on the synthetic store whose trainings a test controls (<see cref="Training"/>); nothing trained at start.</summary>
public sealed class ControlledTrainingHost : AiHost
{
    public ControlledTraining Training { get; } = new();

    public TrainingData Data { get; private set; } = null!;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<ModelTraining>();
        services.AddSingleton<ModelTraining>(Training);
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Data = SyntheticStore.Generate();
        await using var db = NewDb();
        await SyntheticStore.SeedAsync(db, Data);
    }
}
