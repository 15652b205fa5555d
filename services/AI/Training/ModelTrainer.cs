using System.Diagnostics;
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
/// is not worse than the serving one on the same holdout, and hot-swap it in; a worse or failed run is stored and alerted
/// (<see cref="TrainingRecorder"/>) and the serving model stays. Runs one at a time across every replica (schedule,
/// start-up and admin requests share it): a <see cref="DatabaseLock"/> in the AI database, so N replicas train once, not
/// N times, and version numbers never collide; the others pick the new model up through <see cref="ModelLoader"/>.
/// </summary>
public sealed class ModelTrainer(
    IServiceScopeFactory scopes, ModelHolder holder, ModelTraining training, TrainingAlerts alerts, IOptions<RecommenderOptions> recommenderOptions,
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
            // The model to beat is the newest promoted one, whichever replica trained it.
            await ModelLoader.LoadNewerAsync(db, holder, recommenderOptions.Value, logger, cancellationToken);
            var lastTrained = await db.ModelVersions.Where(m => m.Status != ModelVersion.StatusFailed)
                .MaxAsync(m => (DateTimeOffset?)m.TrainedAt, cancellationToken);
            var recent = skipIfTrainedWithin is { } within && lastTrained is { } last && DateTimeOffset.UtcNow - last < within;
            if (recent || (onlyWithoutModel && await db.ModelVersions.AnyAsync(m => m.Kind == ModelVersion.Recommender && m.Promoted, cancellationToken)))
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"skipped: trained {(DateTimeOffset.UtcNow - lastTrained!.Value).TotalMinutes:0} min ago");
                return [new(ModelVersion.Recommender, null, false, null, reason), new(ModelVersion.Risk, null, false, null, reason)];
            }

            var recorder = new TrainingRecorder(holder, alerts, trainingOptions.Value.PromotionTolerance, recommenderOptions.Value, logger);
            TrainingData data;
            var loading = Stopwatch.StartNew();
            try
            {
                data = await new TrainingDataLoader(db).LoadAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Both models' training failed at its first step: recorded and alerted for each (when the database still answers).
                return
                [
                    await recorder.FailedAsync(db, ModelVersion.Recommender, e, loading.Elapsed.TotalSeconds, cancellationToken),
                    await recorder.FailedAsync(db, ModelVersion.Risk, e, loading.Elapsed.TotalSeconds, cancellationToken),
                ];
            }

            if (data.Purchases.Count < trainingOptions.Value.MinimumOrders)
            {
                var skipped = $"skipped: {data.Purchases.Count} paid orders, at least {trainingOptions.Value.MinimumOrders} needed";
                return [new(ModelVersion.Recommender, null, false, null, skipped), new(ModelVersion.Risk, null, false, null, skipped)];
            }

            var servingSnapshot = holder.Current.Recommender?.Snapshot;
            var outcomes = new List<TrainingOutcome>
            {
                await RunAsync(db, recorder, ModelVersion.Recommender, () => RecommenderCandidate(data, servingSnapshot), cancellationToken),
                await RunAsync(db, recorder, ModelVersion.Risk, () => RiskCandidate(data), cancellationToken),
            };
            return outcomes;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>
    /// One model's training, isolated: a failure is recorded and alerted and the other model still trains; only a
    /// promoted candidate is ever swapped in. ML.NET training is CPU-bound and synchronous, so it runs off the request threads.
    /// </summary>
    private static async Task<TrainingOutcome> RunAsync(
        AiDbContext db, TrainingRecorder recorder, string kind, Func<TrainedCandidate?> train, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        TrainedCandidate? candidate;
        try
        {
            candidate = await Task.Run(train, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await recorder.FailedAsync(db, kind, e, watch.Elapsed.TotalSeconds, cancellationToken);
        }

        return candidate is null
            ? new TrainingOutcome(kind, null, false, null, "skipped: the labels hold only one class (no paid order cancelled yet, or no other)")
            : await recorder.StoreAsync(db, kind, candidate, cancellationToken);
    }

    private TrainedCandidate RecommenderCandidate(TrainingData data, RecommenderSnapshot? serving)
    {
        var watch = Stopwatch.StartNew();
        var result = training.Recommender(data, recommenderOptions.Value, serving);
        var seconds = watch.Elapsed.TotalSeconds;
        var purchases = data.Purchases.Where(p => !p.Cancelled).ToList();
        var size = new Dictionary<string, int>
        {
            ["orders"] = purchases.Count,
            ["lines"] = purchases.Sum(p => p.Lines.Count),
            ["customers"] = purchases.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count(),
            ["products"] = purchases.SelectMany(p => p.Lines.Select(l => l.ProductId)).Distinct().Count(),
            ["views"] = data.Views.Count,
        };
        return new TrainedCandidate(result.Chosen, result.PrimaryMetric, result.ServingMetric, JsonSerializer.Serialize(result.Metrics),
            result.Snapshot.ToBytes(), JsonSerializer.Serialize(size), JsonSerializer.Serialize(InputProfiles.Recommender(purchases)), seconds);
    }

    /// <remarks>
    /// The serving risk model was refitted on every order it knew, this holdout's included, so scoring it here would flatter
    /// it: the comparison uses its recorded holdout AUC (the decision says so).
    /// </remarks>
    private TrainedCandidate? RiskCandidate(TrainingData data)
    {
        var watch = Stopwatch.StartNew();
        var risk = training.Risk(data.RiskExamples);
        var seconds = watch.Elapsed.TotalSeconds;
        if (risk.Model is null)
        {
            return null;
        }

        var auc = double.IsNaN(risk.Auc) ? (double?)null : risk.Auc;
        var size = new Dictionary<string, int>
        {
            ["orders"] = data.RiskExamples.Count,
            ["positives"] = data.RiskExamples.Count(e => e.Risky),
            ["train"] = risk.TrainExamples,
            ["test"] = risk.TestExamples,
            ["customers"] = data.Purchases.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).Count(),
        };
        return new TrainedCandidate("FastTree", auc ?? 0, null,
            JsonSerializer.Serialize(new { auc, risk.TrainExamples, risk.TestExamples, risk.PositiveRate }), risk.Model,
            JsonSerializer.Serialize(size), JsonSerializer.Serialize(InputProfiles.Risk(data.Purchases, InputProfiles.FirstOrders(data.Purchases))), seconds);
    }
}
