using System.Globalization;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Training;

/// <summary>A trained candidate, ready to be compared with the serving model and stored.</summary>
/// <param name="ServingMetric">The serving model's primary metric on this run's holdout; null when it cannot be measured
/// fairly there (then the serving version's recorded metric is compared).</param>
public sealed record TrainedCandidate(
    string Algorithm, double Metric, double? ServingMetric, string Metrics, byte[] Bytes, string DataSize, string InputProfile, double Seconds);

/// <summary>
/// Stores each training run as a version (promoted, rejected or failed, with both metrics, time, data size and the input
/// profile), swaps a promoted one in, and raises the alert for the others: an error-level log naming the model and the
/// reason, the counters and the health state of <see cref="TrainingAlerts"/>. Never swaps anything but a promoted model.
/// </summary>
public sealed class TrainingRecorder(ModelHolder holder, TrainingAlerts alerts, double tolerance, RecommenderOptions options, ILogger logger)
{
    public async Task<TrainingOutcome> StoreAsync(AiDbContext db, string kind, TrainedCandidate candidate, CancellationToken cancellationToken)
    {
        var serving = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted)
            .OrderByDescending(m => m.Version).Select(m => new { m.Version, m.PrimaryMetric }).FirstOrDefaultAsync(cancellationToken);
        var servingMetric = serving is null ? (double?)null : candidate.ServingMetric ?? serving.PrimaryMetric;
        var where = candidate.ServingMetric is null ? "its own holdout" : "the same holdout";
        var promote = servingMetric is not { } compared || candidate.Metric >= compared - tolerance;
        var decision = serving is null
            ? "promoted: first model"
            : promote
                ? string.Create(CultureInfo.InvariantCulture, $"promoted: {candidate.Metric:0.0000} vs serving v{serving.Version} {servingMetric:0.0000} on {where}")
                : string.Create(CultureInfo.InvariantCulture, $"kept v{serving.Version}: {candidate.Metric:0.0000} is worse than its {servingMetric:0.0000} on {where}");

        var version = new ModelVersion
        {
            Kind = kind,
            Version = await NextVersionAsync(db, kind, cancellationToken),
            TrainedAt = DateTimeOffset.UtcNow,
            PrimaryMetric = candidate.Metric,
            Metrics = candidate.Metrics,
            Algorithm = candidate.Algorithm,
            Promoted = promote,
            Status = promote ? ModelVersion.StatusPromoted : ModelVersion.StatusRejected,
            Decision = decision,
            TrainingSeconds = candidate.Seconds,
            DataSize = candidate.DataSize,
            InputProfile = candidate.InputProfile,
            ServingVersion = serving?.Version,
            ServingMetric = servingMetric,
            Bytes = candidate.Bytes,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        if (promote)
        {
            ModelLoader.Apply(holder, version, options);
            logger.LogInformation("Trained {Kind} v{Version} ({Algorithm}, metric {Metric}): {Decision}", kind, version.Version, candidate.Algorithm, candidate.Metric, decision);
        }
        else
        {
            logger.LogError("Training of {Kind} rejected: v{Version} ({Algorithm}) {Decision}", kind, version.Version, candidate.Algorithm, decision);
        }

        alerts.Record(new TrainingState(kind, version.Status, version.Version, decision, version.TrainedAt));
        return new TrainingOutcome(kind, version.Version, promote, candidate.Metric, decision);
    }

    /// <summary>A run that threw: recorded as a failed version without bytes (when the database still answers) and alerted.</summary>
    public async Task<TrainingOutcome> FailedAsync(AiDbContext db, string kind, Exception error, double seconds, CancellationToken cancellationToken)
    {
        var reason = $"{error.GetType().Name}: {error.Message}";
        reason = reason[..Math.Min(reason.Length, 2000)];
        var at = DateTimeOffset.UtcNow;
        int? number = null;
        try
        {
            db.ChangeTracker.Clear();
            var serving = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted)
                .OrderByDescending(m => m.Version).Select(m => (int?)m.Version).FirstOrDefaultAsync(cancellationToken);
            var version = new ModelVersion
            {
                Kind = kind,
                Version = await NextVersionAsync(db, kind, cancellationToken),
                TrainedAt = at,
                Algorithm = "",
                Status = ModelVersion.StatusFailed,
                Decision = serving is { } v ? $"failed: v{v} keeps serving" : "failed: the fallback keeps serving",
                Error = reason,
                TrainingSeconds = seconds,
                ServingVersion = serving,
            };
            db.ModelVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            number = version.Version;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record the failed training of {Kind}", kind);
        }

        logger.LogError(error, "Training of {Kind} failed: {Reason}", kind, reason);
        alerts.Record(new TrainingState(kind, ModelVersion.StatusFailed, number, reason, at));
        return new TrainingOutcome(kind, number, false, null, $"failed: {reason}");
    }

    private static async Task<int> NextVersionAsync(AiDbContext db, string kind, CancellationToken cancellationToken) =>
        (await db.ModelVersions.Where(m => m.Kind == kind).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
}
