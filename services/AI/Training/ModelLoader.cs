using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.AI.Training;

/// <summary>Loads the newest promoted model of each kind at start, so a restart serves what was serving before.</summary>
public sealed class ModelLoader(IServiceScopeFactory scopes, ModelHolder holder, IOptions<RecommenderOptions> options, ILogger<ModelLoader> logger) : IHostedService
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
