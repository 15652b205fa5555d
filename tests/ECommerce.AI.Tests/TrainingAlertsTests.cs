using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Training;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Tests;

/// <summary>
/// A worse or failed training never replaces the serving model, is recorded with its reason and raises the alert (error
/// log, counter, Degraded health); drift of the inputs since training on the models page; admin only.
/// </summary>
public sealed class TrainingAlertsTests(ControlledTrainingHost host) : IClassFixture<ControlledTrainingHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worse_candidate_is_kept_out_and_recorded_as_rejected_with_both_metrics()
    {
        var serving = await ServingAsync();
        using var rejected = new CounterWatch(host, TrainingAlerts.RejectedCounter);

        host.Training.Mode = TrainingMode.Worse;
        var outcomes = await host.Service<ModelTrainer>().TrainAsync(Ct);
        host.Training.Mode = TrainingMode.Normal;

        Assert.All(outcomes, o => Assert.False(o.Promoted, o.Decision));
        Assert.Equal(serving, (host.Service<ModelHolder>().Current.RecommenderVersion, host.Service<ModelHolder>().Current.RiskVersion));
        await using var db = host.NewDb();
        var recommender = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == ModelVersion.Recommender).OrderByDescending(m => m.Version).FirstAsync(Ct);
        Assert.Equal(ModelVersion.StatusRejected, recommender.Status);
        Assert.Equal(serving.Item1, recommender.ServingVersion);
        Assert.True(recommender.ServingMetric > recommender.PrimaryMetric, $"{recommender.ServingMetric} vs {recommender.PrimaryMetric}");
        Assert.Contains("the same holdout", recommender.Decision, StringComparison.Ordinal);
        Assert.True(recommender.TrainingSeconds > 0);
        Assert.True(JsonDocument.Parse(recommender.DataSize).RootElement.GetProperty("orders").GetInt32() > 0);
        var risk = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == ModelVersion.Risk).OrderByDescending(m => m.Version).FirstAsync(Ct);
        Assert.Equal(ModelVersion.StatusRejected, risk.Status);
        Assert.Equal(0.3, risk.PrimaryMetric, 3);
        Assert.True(risk.ServingMetric > 0.3);
        Assert.Equal(2, rejected.Total);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"rejected recommender v{recommender.Version}: candidate {recommender.PrimaryMetric:0.0000} vs serving {recommender.ServingMetric:0.0000}, {recommender.TrainingSeconds:0.0} s, {recommender.DataSize}");

        var overview = await host.Client(TestTokens.Admin()).GetFromJsonAsync<ModelsOverview>("/api/ai/models", Ct);
        Assert.Contains(overview!.Alerts, a => a.Kind == ModelVersion.Recommender && a.Status == ModelVersion.StatusRejected && a.Alert);
        var row = overview.History.First(h => h.Kind == ModelVersion.Recommender && h.Version == recommender.Version);
        Assert.Equal(recommender.ServingMetric, row.ServingMetric);
        Assert.False(row.Serving);
    }

    [Fact]
    public async Task A_failing_training_is_recorded_as_failed_counted_and_degrades_health_until_a_training_succeeds()
    {
        var serving = await ServingAsync();
        using var failed = new CounterWatch(host, TrainingAlerts.FailedCounter);

        host.Training.Mode = TrainingMode.Failing;
        var outcomes = await host.Service<ModelTrainer>().TrainAsync(Ct);
        host.Training.Mode = TrainingMode.Normal;

        var recommender = outcomes.Single(o => o.Kind == ModelVersion.Recommender);
        Assert.False(recommender.Promoted);
        Assert.StartsWith("failed: InvalidOperationException: test:", recommender.Decision, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", outcomes.Single(o => o.Kind == ModelVersion.Risk).Decision, StringComparison.Ordinal);
        Assert.Equal(serving.Item1, host.Service<ModelHolder>().Current.RecommenderVersion);
        await using (var db = host.NewDb())
        {
            var row = await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Kind == ModelVersion.Recommender && m.Version == recommender.Version, Ct);
            Assert.Equal(ModelVersion.StatusFailed, row.Status);
            Assert.Contains("the training data could not be read", row.Error, StringComparison.Ordinal);
            Assert.Empty(row.Bytes);
            Assert.False(row.Promoted);
        }

        Assert.Equal(1, failed.Total);
        var health = await HealthAsync();
        Assert.Equal("Degraded", health.GetProperty("checks").GetProperty(TrainingHealthCheck.Name).GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/alive", Ct)).StatusCode);
        var overview = await host.Client(TestTokens.Admin()).GetFromJsonAsync<ModelsOverview>("/api/ai/models", Ct);
        Assert.Equal("Degraded", overview!.Health);

        await host.Service<ModelTrainer>().TrainAsync(Ct);
        Assert.Equal("Healthy", (await HealthAsync()).GetProperty("checks").GetProperty(TrainingHealthCheck.Name).GetString());
    }

    [Fact]
    public async Task Drift_is_low_on_the_training_inputs_and_drifted_after_a_shift_in_order_value()
    {
        await ServingAsync();
        var admin = host.Client(TestTokens.Admin());
        await using (var db = host.NewDb())
        {
            // 60 orders after training, each ten times the value of a recent one (same customers, lines and products).
            var recent = host.Data.Purchases.Where(p => !p.Cancelled).TakeLast(60).ToList();
            db.Orders.AddRange(recent.Select((p, i) => SyntheticStore.Order(p with
            {
                OrderId = Guid.NewGuid(),
                At = DateTimeOffset.UtcNow.AddMinutes(1 + i),
                Lines = [.. p.Lines.Select(l => l with { UnitPrice = l.UnitPrice * 10 })],
            })));
            await db.SaveChangesAsync(Ct);
        }

        host.Service<DriftReader>().Invalidate();
        var report = await admin.GetFromJsonAsync<DriftReport>("/api/ai/models/drift", Ct);

        Assert.Equal(0.1, report!.WatchThreshold);
        Assert.Equal(0.25, report.DriftThreshold);
        var recommender = report.Models.Single(m => m.Kind == ModelVersion.Recommender);
        Assert.Equal(60, recommender.LiveOrders);
        var value = recommender.Features.Single(f => f.Name == InputProfiles.OrderValue);
        Assert.True(value.Psi > Psi.Drift, $"PSI {value.Psi}");
        Assert.Equal("drifted", value.State);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", report.Models.SelectMany(m => m.Features.Select(f => $"{m.Kind} {f.Name}: {f.Psi} {f.State} ({f.TrainingCount}/{f.LiveCount})"))));
        Assert.Contains(report.Models, m => m.Kind == ModelVersion.Risk && m.Features.Any(f => f.Name == InputProfiles.AccountAge));
    }

    [Fact]
    public async Task Models_and_drift_are_for_admins_only()
    {
        foreach (var url in new[] { "/api/ai/models", "/api/ai/models/drift" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(TestTokens.Customer("c1")).GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(url, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(TestTokens.Customer("c1")).PostAsync("/api/ai/models/train", null, Ct)).StatusCode);
    }

    /// <summary>The serving versions, training once normally first when nothing serves yet.</summary>
    private async Task<(int, int)> ServingAsync()
    {
        var holder = host.Service<ModelHolder>();
        if (holder.Current.RecommenderVersion == 0 || holder.Current.RiskVersion == 0)
        {
            host.Training.Mode = TrainingMode.Normal;
            await host.Service<ModelTrainer>().TrainAsync(Ct);
        }

        Assert.True(holder.Current.RecommenderVersion > 0 && holder.Current.RiskVersion > 0);
        return (holder.Current.RecommenderVersion, holder.Current.RiskVersion);
    }

    private async Task<JsonElement> HealthAsync() => await host.Client().GetFromJsonAsync<JsonElement>("/health", Ct);

    /// <summary>Sums one counter of this host's meters (other hosts in the run have their own factory) while it lives.</summary>
    private sealed class CounterWatch : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public CounterWatch(ControlledTrainingHost host, string name)
        {
            var factory = host.Service<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
