using ECommerce.AI.Datasets;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Training;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Tests;

/// <summary>Two AI processes on one database with a small synthetic store and no model yet; each looks for newer models every 200 ms.</summary>
public sealed class TwoReplicaAiHost : AiHost
{
    protected override int ReplicaCount => 2;

    protected override void Configure(IDictionary<string, string> settings)
    {
        base.Configure(settings);
        settings["AI:Training:RefreshInterval"] = "00:00:00.200";
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var data = SyntheticDataset.Generate(customers: 120, productsPerCategory: 6, days: 90, seed: 11);
        var shift = DateTimeOffset.UtcNow - data.Purchases.Max(p => p.At);
        await using var db = NewDb();
        db.Products.AddRange(data.Catalog.Values.Select(c => new StoredProduct
        {
            Id = c.Id,
            Name = c.Name,
            Category = c.Category,
            Price = c.Price,
            Active = true,
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        db.Orders.AddRange(data.Purchases.Select(p => new PaidOrder
        {
            Id = p.OrderId,
            CustomerId = p.CustomerId,
            PaidAt = p.At + shift,
            Total = p.Total,
            Currency = "EUR",
            Lines = [.. p.Lines.Select((l, i) => new PaidOrderLine { OrderId = p.OrderId, LineNumber = i + 1, ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice })],
        }));
        await db.SaveChangesAsync();
    }
}

public sealed class ReplicaTrainingTests(TwoReplicaAiHost host) : IClassFixture<TwoReplicaAiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replicas_train_once_at_start_and_on_schedule_and_every_replica_serves_the_newest_model()
    {
        // Both start without a model and run their start-up training at the same moment: one trains, one waits and serves it.
        var starts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            Task.Run(() => host.Service<ModelTrainer>(i).TrainAsync(Ct, onlyWithoutModel: true), Ct)));

        Assert.Equal(1, await VersionsAsync(ModelVersion.Recommender));
        Assert.Single(starts, run => run[0].Version == 1);
        Assert.Single(starts, run => run[0].Decision.StartsWith("skipped", StringComparison.Ordinal));
        Assert.All(host.Replicas.Select((_, i) => host.Service<ModelHolder>(i).Current), m => Assert.Equal((1, true), (m.RecommenderVersion, m.Recommender is not null)));

        // Both schedules tick together soon after: the model is fresh, nobody trains again.
        var scheduled = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            Task.Run(() => host.Service<ModelTrainer>(i).TrainAsync(Ct, skipIfTrainedWithin: TimeSpan.FromHours(3)), Ct)));

        Assert.All(scheduled, run => Assert.StartsWith("skipped", run[0].Decision, StringComparison.Ordinal));
        Assert.Equal(1, await VersionsAsync(ModelVersion.Recommender));

        // An admin's "train now" lands on one replica; the other serves the new version within its refresh interval.
        var onDemand = await host.Service<ModelTrainer>(0).TrainAsync(Ct);
        Assert.Equal(2, onDemand[0].Version);
        var trainedOn = host.Service<ModelHolder>(0).Current;
        Assert.Equal(onDemand[0].Promoted ? 2 : 1, trainedOn.RecommenderVersion);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Serving(host.Service<ModelHolder>(1).Current) != Serving(trainedOn))
        {
            Assert.True(DateTime.UtcNow < deadline, "The other replica still serves an older model 10 s after the promotion.");
            await Task.Delay(100, Ct);
        }
    }

    private static (int Recommender, int Risk) Serving(ServingModels models) => (models.RecommenderVersion, models.RiskVersion);

    private async Task<int> VersionsAsync(string kind)
    {
        await using var db = host.NewDb();
        return await db.ModelVersions.CountAsync(m => m.Kind == kind, Ct);
    }
}
