namespace ECommerce.AI.Training;

/// <summary>The dashboard's "Train models now" command: one training run, reported as the admin endpoint reports it.</summary>
public static class TrainingCommand
{
    public static async Task<string> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcomes = await services.GetRequiredService<ModelTrainer>().TrainAsync(cancellationToken);
        return string.Join("; ", outcomes.Select(o => $"{o.Kind}: {o.Decision}"));
    }
}
