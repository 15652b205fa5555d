using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.AI.Training;

/// <summary>
/// Loads the newest promoted model of each kind at start, so a restart serves what was serving before.
/// The last run of each kind (whatever its status) is replayed into <see cref="TrainingAlerts"/>, so a failure before a
/// restart still shows on the health check and the models page.
/// </summary>
public sealed class ModelLoader(
    IServiceScopeFactory scopes, ModelHolder holder, TrainingAlerts alerts, IOptions<RecommenderOptions> options, ILogger<ModelLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        foreach (var kind in new[] { ModelVersion.Recommender, ModelVersion.Risk })
        {
            var version = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted)
                .OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
            if (version is not null)
            {
                Apply(holder, version, options.Value);
                logger.LogInformation("Serving {Kind} v{Version}", kind, version.Version);
            }

            var last = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind).OrderByDescending(m => m.Version)
                .Select(m => new { m.Version, m.Status, m.Decision, m.Error, m.TrainedAt }).FirstOrDefaultAsync(cancellationToken);
            if (last is not null)
            {
                alerts.Record(new TrainingState(kind, last.Status, last.Version, last.Error ?? last.Decision, last.TrainedAt), count: false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
