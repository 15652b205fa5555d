using ECommerce.AI.Models;
using ECommerce.AI.Training;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.AI.Tests;

/// <summary>An AI host whose tables hold a small synthetic store (shifted to end now) and which has trained once.</summary>
public sealed class TrainedAiHost : AiHost
{
    public TrainingData Data { get; private set; } = null!;

    public IReadOnlyList<TrainingOutcome> FirstRun { get; private set; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Data = SyntheticStore.Generate();
        await using (var db = NewDb())
        {
            await SyntheticStore.SeedAsync(db, Data);
        }

        FirstRun = await Factory.Services.GetRequiredService<ModelTrainer>().TrainAsync(CancellationToken.None);
    }
}
