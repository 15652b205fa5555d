using System.Diagnostics;
using ECommerce.AI.Datasets;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;

namespace ECommerce.AI.Training;

/// <summary>
/// Makes a development store meaningful from its first start, as Products' seed gives it a catalog (same switch: in
/// Development unless <c>AI:Seed:Enabled</c> is false): empty tables get the seeded retail history
/// (<see cref="SeededHistory"/>), and when no recommender is serving yet the first models are trained at once instead
/// of after the schedule's delay. In the background: the service is ready meanwhile and answers with its stated
/// fallbacks (<c>source: "fallback"</c>) until the first model is promoted.
/// </summary>
public sealed class StartupTraining(
    IServiceScopeFactory scopes, ModelTrainer trainer, ModelHolder holder, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider time, ILogger<StartupTraining> logger) : BackgroundService
{
    public const string EnabledKey = "AI:Seed:Enabled";

    /// <summary>Where the derived files are; by default the copy beside the service.</summary>
    public const string FolderKey = "AI:Seed:Folder";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue(EnabledKey, true))
        {
            return;
        }

        // Off the start-up path: StartAsync returns at the first await, and the host goes on starting.
        await Task.Yield();
        var started = Stopwatch.StartNew();
        try
        {
            var folder = configuration[FolderKey] ?? RetailSeedFile.DefaultFolder;
            if (File.Exists(Path.Combine(folder, "catalog.csv")))
            {
                await using var scope = scopes.CreateAsyncScope();
                var seeded = await new SeededHistory(scope.ServiceProvider.GetRequiredService<AiDbContext>(), time).SeedAsync(folder, stoppingToken);
                if (seeded.Orders > 0)
                {
                    logger.LogInformation("Seeded history: {Orders} orders, {Lines} lines, {Products} products in {Seconds:0.0} s",
                        seeded.Orders, seeded.Lines, seeded.Products, seeded.Took.TotalSeconds);
                }
            }
            else
            {
                logger.LogWarning("No seeded history ({Folder} has no catalog.csv); models train from events only", folder);
            }

            if (holder.Current.Recommender is null)
            {
                // Replicas starting together: the first to take the training lock trains, the others then find its model.
                var outcomes = await trainer.TrainAsync(stoppingToken, onlyWithoutModel: true);
                logger.LogInformation("Start-up training finished {Seconds:0.0} s after start: {Outcomes}",
                    started.Elapsed.TotalSeconds, string.Join("; ", outcomes.Select(o => $"{o.Kind}: {o.Decision}")));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The fallbacks keep serving and the schedule tries again; a failed start-up training never stops the service.
            logger.LogError(e, "Seeding or start-up training failed");
        }
    }
}
