using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Training;

/// <summary>One stored model version as admins see it (no bytes).</summary>
public sealed record ModelVersionSummary(
    string Kind, int Version, DateTimeOffset TrainedAt, string Algorithm, double PrimaryMetric, bool Promoted, bool Serving, string Decision, JsonElement Metrics);

/// <summary>The serving versions and the history of every training run, newest first.</summary>
public sealed record ModelsOverview(int RecommenderVersion, int RiskVersion, IReadOnlyList<ModelVersionSummary> History);

/// <summary>What an on-demand training run did.</summary>
public sealed record TrainingRunResponse(IReadOnlyList<TrainingOutcome> Outcomes);

/// <summary>Admin: model versions with metrics, and training on demand.</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ai/models").WithTags("Models").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        group.MapGet("/", List);
        group.MapPost("/train", Train);
        return app;
    }

    private static async Task<Ok<ModelsOverview>> List(AiDbContext db, ModelHolder models, CancellationToken cancellationToken)
    {
        var current = models.Current;
        var rows = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.TrainedAt).ThenBy(m => m.Kind).Take(100)
            .Select(m => new { m.Kind, m.Version, m.TrainedAt, m.Algorithm, m.PrimaryMetric, m.Promoted, m.Decision, m.Metrics })
            .ToListAsync(cancellationToken);
        var history = rows.Select(m => new ModelVersionSummary(m.Kind, m.Version, m.TrainedAt, m.Algorithm, m.PrimaryMetric, m.Promoted,
            m.Version == (m.Kind == ModelVersion.Recommender ? current.RecommenderVersion : current.RiskVersion),
            m.Decision, JsonDocument.Parse(m.Metrics).RootElement.Clone())).ToList();
        return TypedResults.Ok(new ModelsOverview(current.RecommenderVersion, current.RiskVersion, history));
    }

    private static async Task<Ok<TrainingRunResponse>> Train(ModelTrainer trainer, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TrainingRunResponse(await trainer.TrainAsync(cancellationToken)));
}
