using System.Globalization;
using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.AI.Training;

/// <summary>The result of one training run, per model kind.</summary>
public sealed record TrainingOutcome(string Kind, int? Version, bool Promoted, double? Metric, string Decision);

/// <summary>
/// One training run: load events, train and evaluate on the time-based holdout, store a new version, promote it when it
/// is not worse than the serving one, and hot-swap it in. Runs one at a time across every replica (schedule, start-up
/// and admin requests share it): a <see cref="DatabaseLock"/> in the AI database, so N replicas train once, not N
/// times, and version numbers never collide; the others pick the new model up through <see cref="ModelLoader"/>.
/// </summary>
public sealed class ModelTrainer(
    IServiceScopeFactory scopes, ModelHolder holder, IOptions<RecommenderOptions> recommenderOptions,
    IOptions<TrainingOptions> trainingOptions, ILogger<ModelTrainer> logger) : IDisposable
{
    public const string LockName = "ai:training";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>
    /// Trains now. With <paramref name="skipIfTrainedWithin"/>, a run that would follow another (on any replica) that
    /// finished less than that long ago is skipped (the schedule's first run after a start-up training has nothing new to
    /// learn); with <paramref name="onlyWithoutModel"/>, a run is skipped when a recommender is stored by now (start-up:
    /// the replica that held the lock first trained it). A skipped run serves the newest stored models.
    /// </summary>
    public async Task<IReadOnlyList<TrainingOutcome>> TrainAsync(CancellationToken cancellationToken, TimeSpan? skipIfTrainedWithin = null, bool onlyWithoutModel = false)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
            await using var exclusive = await DatabaseLock.AcquireAsync(db, LockName, cancellationToken);
            var lastTrained = await db.ModelVersions.MaxAsync(m => (DateTimeOffset?)m.TrainedAt, cancellationToken);
            var recent = skipIfTrainedWithin is { } within && lastTrained is { } last && DateTimeOffset.UtcNow - last < within;
            if (recent || (onlyWithoutModel && await db.ModelVersions.AnyAsync(m => m.Kind == ModelVersion.Recommender && m.Promoted, cancellationToken)))
            {
                await ModelLoader.LoadNewerAsync(db, holder, recommenderOptions.Value, logger, cancellationToken);
                var reason = string.Create(CultureInfo.InvariantCulture, $"skipped: trained {(DateTimeOffset.UtcNow - lastTrained!.Value).TotalMinutes:0} min ago");
                return [new(ModelVersion.Recommender, null, false, null, reason), new(ModelVersion.Risk, null, false, null, reason)];
            }

            var data = await new TrainingDataLoader(db).LoadAsync(cancellationToken);
            if (data.Purchases.Count < trainingOptions.Value.MinimumOrders)
            {
                var skipped = $"skipped: {data.Purchases.Count} paid orders, at least {trainingOptions.Value.MinimumOrders} needed";
                return [new(ModelVersion.Recommender, null, false, null, skipped), new(ModelVersion.Risk, null, false, null, skipped)];
            }

            // ML.NET training is CPU-bound and synchronous: keep it off the request threads.
            var recommender = await Task.Run(() => RecommenderTraining.Train(data, recommenderOptions.Value), cancellationToken);
            var risk = await Task.Run(() => RiskTraining.Train(data.RiskExamples), cancellationToken);

            var outcomes = new List<TrainingOutcome>
            {
                await StoreAsync(db, ModelVersion.Recommender, recommender.Chosen, recommender.PrimaryMetric,
                    JsonSerializer.Serialize(recommender.Metrics), recommender.Snapshot.ToBytes(), cancellationToken),
            };
            outcomes.Add(risk.Model is null
                ? new TrainingOutcome(ModelVersion.Risk, null, false, null, "skipped: the labels hold only one class")
                : await StoreAsync(db, ModelVersion.Risk, "FastTree", double.IsNaN(risk.Auc) ? 0 : risk.Auc,
                    JsonSerializer.Serialize(new { auc = double.IsNaN(risk.Auc) ? (double?)null : risk.Auc, risk.TrainExamples, risk.TestExamples, risk.PositiveRate }),
                    risk.Model, cancellationToken));
            return outcomes;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<TrainingOutcome> StoreAsync(AiDbContext db, string kind, string algorithm, double metric, string metrics, byte[] bytes, CancellationToken cancellationToken)
    {
        var serving = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted)
            .OrderByDescending(m => m.Version).Select(m => new { m.Version, m.PrimaryMetric }).FirstOrDefaultAsync(cancellationToken);
        var last = await db.ModelVersions.Where(m => m.Kind == kind).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
        var promote = serving is null || metric >= serving.PrimaryMetric - trainingOptions.Value.PromotionTolerance;
        var decision = serving is null
            ? "promoted: first model"
            : promote
                ? string.Create(CultureInfo.InvariantCulture, $"promoted: {metric:0.0000} vs serving v{serving.Version} {serving.PrimaryMetric:0.0000}")
                : string.Create(CultureInfo.InvariantCulture, $"kept v{serving.Version}: {metric:0.0000} is worse than {serving.PrimaryMetric:0.0000}");

        var version = new ModelVersion
        {
            Kind = kind,
            Version = last + 1,
            TrainedAt = DateTimeOffset.UtcNow,
            PrimaryMetric = metric,
            Metrics = metrics,
            Algorithm = algorithm,
            Promoted = promote,
            Decision = decision,
            Bytes = bytes,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        if (promote)
        {
            ModelLoader.Apply(holder, version, recommenderOptions.Value);
        }

        logger.LogInformation("Trained {Kind} v{Version} ({Algorithm}, metric {Metric}): {Decision}", kind, version.Version, algorithm, metric, decision);
        return new TrainingOutcome(kind, version.Version, promote, metric, decision);
    }
}
