using System.Diagnostics.Metrics;

namespace ECommerce.AI.Models;

/// <summary>
/// The model versions being served, on the <c>ECommerce.AI</c> meter: <c>ecommerce.ai.model.version</c> tagged
/// <c>ecommerce.model.name</c> (recommender, risk); 0 means no trained model yet and the fallbacks serve. A version that
/// stays put while training runs means trainings are failing or not beating the serving model. Registered as a hosted
/// service so the gauge exists from start, before any request.
/// </summary>
public sealed class ModelMetrics : IHostedService, IDisposable
{
    private readonly Meter _meter = new("ECommerce.AI");

    public ModelMetrics(ModelHolder holder) =>
        _meter.CreateObservableGauge("ecommerce.ai.model.version", () =>
        {
            var serving = holder.Current;
            return new[]
            {
                new Measurement<int>(serving.RecommenderVersion, new KeyValuePair<string, object?>("ecommerce.model.name", "recommender")),
                new Measurement<int>(serving.RiskVersion, new KeyValuePair<string, object?>("ecommerce.model.name", "risk")),
            };
        }, "{version}", "Version of each model being served (0: none yet, fallbacks serve).");

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();
}
