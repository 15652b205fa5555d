using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ECommerce.AI.Domain;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ECommerce.AI.Training;

/// <summary>The last training of one model: its status (promoted, rejected, failed), version and why.</summary>
public sealed record TrainingState(string Kind, string Status, int? Version, string Reason, DateTimeOffset At);

/// <summary>
/// What an operator sees when a training does not replace the serving model: the counters
/// <c>ecommerce.ai.training.failed</c> and <c>ecommerce.ai.training.rejected</c> (tag <c>ecommerce.model.name</c>) on the
/// <c>ECommerce.AI</c> meter, which ServiceDefaults exports, and the last state of each model, which the health check
/// and the models page read. The error-level log is written where the run is recorded.
/// </summary>
public sealed class TrainingAlerts
{
    public const string FailedCounter = "ecommerce.ai.training.failed";
    public const string RejectedCounter = "ecommerce.ai.training.rejected";

    private readonly Counter<long> _failed;
    private readonly Counter<long> _rejected;
    private readonly ConcurrentDictionary<string, TrainingState> _last = new(StringComparer.Ordinal);

    /// <param name="meters">The host's factory: it owns (and disposes) the meter, and a test can tell this host's from another's.</param>
    public TrainingAlerts(IMeterFactory meters)
    {
        var meter = meters.Create("ECommerce.AI");
        _failed = meter.CreateCounter<long>(FailedCounter, "{training}", "Trainings that threw; the serving model stays.");
        _rejected = meter.CreateCounter<long>(RejectedCounter, "{training}", "Trainings whose candidate was worse than the serving model on the same holdout.");
    }

    /// <summary>The last recorded training per model kind.</summary>
    public IReadOnlyDictionary<string, TrainingState> Last => _last;

    /// <summary>Records a finished run; a failure or a rejection also counts on its counter (not when replayed at start).</summary>
    public void Record(TrainingState state, bool count = true)
    {
        _last[state.Kind] = state;
        if (!count)
        {
            return;
        }

        var tag = new KeyValuePair<string, object?>("ecommerce.model.name", state.Kind);
        if (state.Status == ModelVersion.StatusFailed)
        {
            _failed.Add(1, tag);
        }
        else if (state.Status == ModelVersion.StatusRejected)
        {
            _rejected.Add(1, tag);
        }
    }
}

/// <summary>
/// Degraded while the last training of a model failed: the serving model (or the fallback) still answers, so readiness
/// holds (Degraded answers 200 on /health) and the check is not tagged "live", so /alive never restarts the service for it.
/// The Aspire dashboard shows the resource's health as Degraded with this description.
/// </summary>
public sealed class TrainingHealthCheck(TrainingAlerts alerts) : IHealthCheck
{
    public const string Name = "model-training";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = alerts.Last.Values.Where(s => s.Status == ModelVersion.StatusFailed).OrderBy(s => s.Kind, StringComparer.Ordinal).ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy("The last training of each model did not fail.")
            : HealthCheckResult.Degraded(string.Join("; ", failed.Select(s => $"{s.Kind}: last training failed ({s.Reason}); the previous model still serves"))));
    }
}
