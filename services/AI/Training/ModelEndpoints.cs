using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Training;

/// <summary>
/// One training run of a model as admins see it (no bytes): the candidate's metrics and the serving model's primary
/// metric it was compared with, the decision, training time and what it learned from.
/// </summary>
/// <param name="Status">"promoted", "rejected" (worse than the serving model: kept out) or "failed" (see <paramref name="Error"/>).</param>
public sealed record ModelVersionSummary(
    string Kind, int Version, DateTimeOffset TrainedAt, string Algorithm, double PrimaryMetric, bool Promoted, bool Serving, string Decision,
    JsonElement Metrics, string Status, string? Error, double TrainingSeconds, JsonElement DataSize, int? ServingVersion, double? ServingMetric);

/// <summary>Whether a model's last training raised an alert (failed or rejected) and why.</summary>
public sealed record ModelAlert(string Kind, string Status, int? Version, string Reason, DateTimeOffset At, bool Alert);

/// <summary>What scores risk right now: "model" (a trained version) or "rules", and why.</summary>
public sealed record RiskScorerState(string Source, int Version, string Reason);

/// <summary>The serving versions, the history of every training run (newest first), the alert state and the risk scorer.</summary>
public sealed record ModelsOverview(
    int RecommenderVersion, int RiskVersion, IReadOnlyList<ModelVersionSummary> History, IReadOnlyList<ModelAlert> Alerts, string Health, RiskScorerState RiskScorer);

/// <summary>What an on-demand training run did.</summary>
public sealed record TrainingRunResponse(IReadOnlyList<TrainingOutcome> Outcomes);

/// <summary>Admin: model versions with metrics, alerts, input drift, and training on demand.</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ai/models").WithTags("Models").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        group.MapGet("/", List);
        group.MapGet("/drift", Drift);
        group.MapPost("/train", Train);
        return app;
    }

    private static async Task<Ok<ModelsOverview>> List(AiDbContext db, ModelHolder models, TrainingAlerts alerts, CancellationToken cancellationToken)
    {
        var current = models.Current;
        var rows = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.TrainedAt).ThenBy(m => m.Kind).Take(100)
            .Select(m => new
            {
                m.Kind,
                m.Version,
                m.TrainedAt,
                m.Algorithm,
                m.PrimaryMetric,
                m.Promoted,
                m.Decision,
                m.Metrics,
                m.Status,
                m.Error,
                m.TrainingSeconds,
                m.DataSize,
                m.ServingVersion,
                m.ServingMetric,
            })
            .ToListAsync(cancellationToken);
        var history = rows.Select(m => new ModelVersionSummary(m.Kind, m.Version, m.TrainedAt, m.Algorithm, m.PrimaryMetric, m.Promoted,
            m.Version == (m.Kind == ModelVersion.Recommender ? current.RecommenderVersion : current.RiskVersion),
            m.Decision, Json(m.Metrics), m.Status, m.Error, m.TrainingSeconds, Json(m.DataSize), m.ServingVersion, m.ServingMetric)).ToList();
        var states = alerts.Last.Values.OrderBy(s => s.Kind, StringComparer.Ordinal)
            .Select(s => new ModelAlert(s.Kind, s.Status, s.Version, s.Reason, s.At, s.Status != ModelVersion.StatusPromoted)).ToList();
        var health = states.Any(s => s.Status == ModelVersion.StatusFailed) ? "Degraded" : "Healthy";
        return TypedResults.Ok(new ModelsOverview(current.RecommenderVersion, current.RiskVersion, history, states, health,
            await RiskScorerAsync(db, current, alerts, cancellationToken)));
    }

    /// <summary>Rules score risk until a trained version is promoted; the reason names what is missing.</summary>
    private static async Task<RiskScorerState> RiskScorerAsync(AiDbContext db, ServingModels current, TrainingAlerts alerts, CancellationToken cancellationToken)
    {
        if (current.Risk is not null)
        {
            return new RiskScorerState("model", current.RiskVersion, $"trained model v{current.RiskVersion} (FastTree on paid orders, label: cancelled after payment)");
        }

        var positives = await db.Cancellations.CountAsync(c => c.WasPaid, cancellationToken);
        var reason = positives == 0
            ? "no paid order has been cancelled yet, so the model has no positive label to learn from: rules"
            : alerts.Last.TryGetValue(ModelVersion.Risk, out var last) && last.Status == ModelVersion.StatusFailed
                ? $"the last risk training failed ({last.Reason}): rules"
                : $"{positives} paid orders cancelled so far, no risk model trained yet (the next training tries): rules";
        return new RiskScorerState("rules", 0, reason);
    }

    private static async Task<Ok<DriftReport>> Drift(DriftReader drift, CancellationToken cancellationToken) =>
        TypedResults.Ok(await drift.ReadAsync(cancellationToken));

    private static async Task<Ok<TrainingRunResponse>> Train(ModelTrainer trainer, DriftReader drift, CancellationToken cancellationToken)
    {
        var outcomes = await trainer.TrainAsync(cancellationToken);
        drift.Invalidate();
        return TypedResults.Ok(new TrainingRunResponse(outcomes));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
