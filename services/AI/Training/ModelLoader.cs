using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.AI.Training;

/// <summary>
/// Loads the newest promoted model of each kind at start, so a restart serves what was serving before; then, every
/// <see cref="TrainingOptions.RefreshInterval"/>, any newer one: with N replicas one trains (<see cref="ModelTrainer"/>)
/// and every replica serves its model within an interval. The last run of each kind (whatever its status) is replayed
/// into <see cref="TrainingAlerts"/> each time, so a failure before a restart, or on another replica, shows on this
/// replica's health check and models page too.
/// </summary>
public sealed class ModelLoader(IServiceScopeFactory scopes, ModelHolder holder, TrainingAlerts alerts, IOptions<RecommenderOptions> options,
    IOptions<TrainingOptions> training, ILogger<ModelLoader> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the host serves: a restarted replica answers with its model, not the fallbacks.
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (training.Value.RefreshInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(training.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Looking for a newer model failed; serving the current one");
            }
        }
    }

    /// <summary>Swaps in any promoted model newer than the serving one; returns how many it swapped.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var swapped = await LoadNewerAsync(db, holder, options.Value, logger, cancellationToken);
        foreach (var kind in new[] { ModelVersion.Recommender, ModelVersion.Risk })
        {
            var last = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind).OrderByDescending(m => m.Version)
                .Select(m => new { m.Version, m.Status, m.Decision, m.Error, m.TrainedAt }).FirstOrDefaultAsync(cancellationToken);
            if (last is not null)
            {
                alerts.Record(new TrainingState(kind, last.Status, last.Version, last.Error ?? last.Decision, last.TrainedAt), count: false);
            }
        }

        return swapped;
    }

    /// <summary>The newest promoted version of each kind, loaded (bytes and all) only when newer than the serving one.</summary>
    public static async Task<int> LoadNewerAsync(AiDbContext db, ModelHolder holder, RecommenderOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var swapped = 0;
        foreach (var kind in new[] { ModelVersion.Recommender, ModelVersion.Risk })
        {
            var serving = kind == ModelVersion.Recommender ? holder.Current.RecommenderVersion : holder.Current.RiskVersion;
            var newest = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted)
                .MaxAsync(m => (int?)m.Version, cancellationToken);
            if (newest is not { } version || version <= serving)
            {
                continue;
            }

            var stored = await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Kind == kind && m.Version == version, cancellationToken);
            Apply(holder, stored, options);
            logger.LogInformation("Serving {Kind} v{Version}", kind, version);
            swapped++;
        }

        return swapped;
    }

    /// <summary>Builds the serving object from stored bytes and swaps it in; requests in flight finish on the old one.</summary>
    public static void Apply(ModelHolder holder, ModelVersion version, RecommenderOptions options)
    {
        if (version.Kind == ModelVersion.Recommender)
        {
            var snapshot = RecommenderSnapshot.FromBytes(version.Bytes);
            var ranker = snapshot.RankerModel is { } bytes ? LearnedRanker.Load(bytes) : null;
            var engine = new RecommenderEngine(snapshot, options, ranker);
            holder.Swap(current => current with { Recommender = engine, RecommenderVersion = version.Version });
        }
        else
        {
            var scorer = RiskScorer.Load(version.Bytes);
            holder.Swap(current => current with { Risk = scorer, RiskVersion = version.Version });
        }
    }
}
