using Microsoft.Extensions.Options;

namespace ECommerce.AI.Training;

/// <summary>Retrains on a schedule (<c>AI:Training:Interval</c>; zero turns it off). A failed run is logged and retried next time.</summary>
public sealed class TrainingScheduler(ModelTrainer trainer, IOptions<TrainingOptions> options, ILogger<TrainingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Delay(options.Value.InitialDelay, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                // Half an interval: a start-up or on-demand training just before this tick already learned the same data.
                await trainer.TrainAsync(stoppingToken, skipIfTrainedWithin: options.Value.Interval / 2);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scheduled training failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
