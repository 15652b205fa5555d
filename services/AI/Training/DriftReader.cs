using System.Text.Json;
using ECommerce.AI.Domain;
using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Training;

/// <summary>One input's drift since training: PSI (null with too few live values) and its reading.</summary>
/// <param name="State">"stable" (PSI below 0.1), "watch" (to 0.25), "drifted" (above), or "too few" live values.</param>
public sealed record FeatureDrift(string Name, double? Psi, string State, int TrainingCount, int LiveCount);

/// <summary>The inputs of one serving model, at its training time against the orders ingested since.</summary>
public sealed record ModelDrift(string Kind, int Version, DateTimeOffset TrainedAt, int LiveOrders, IReadOnlyList<FeatureDrift> Features);

/// <summary>Drift of every serving model's inputs, with the thresholds it was read against.</summary>
public sealed record DriftReport(double WatchThreshold, double DriftThreshold, DateTimeOffset ComputedAt, IReadOnlyList<ModelDrift> Models);

/// <summary>
/// Input drift on request, cached for a minute: the serving versions' stored input profiles against the paid orders
/// ingested since each was trained (the newest <see cref="MaxLiveOrders"/> at most), binned alike, as a PSI per feature.
/// </summary>
public sealed class DriftReader(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public const int MaxLiveOrders = 20_000;

    /// <summary>Fewer live orders (or, for orders per day, days) than this and a PSI would be noise.</summary>
    public const int MinimumLiveOrders = 30;
    public const int MinimumLiveDays = 7;

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _one = new(1, 1);
    private DriftReport? _cached;

    public async Task<DriftReport> ReadAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && clock.GetUtcNow() - hit.ComputedAt < CacheFor)
        {
            return hit;
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.ComputedAt < CacheFor)
            {
                return again;
            }

            return _cached = await ComputeAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    /// <summary>Forgets the cached report (a new model was promoted, or a test changed the data).</summary>
    public void Invalidate() => _cached = null;

    private async Task<DriftReport> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDbContext>();
        var models = new List<ModelDrift>();
        foreach (var kind in new[] { ModelVersion.Recommender, ModelVersion.Risk })
        {
            var serving = await db.ModelVersions.AsNoTracking().Where(m => m.Kind == kind && m.Promoted).OrderByDescending(m => m.Version)
                .Select(m => new { m.Version, m.TrainedAt, m.InputProfile }).FirstOrDefaultAsync(cancellationToken);
            var trained = serving is null ? null : JsonSerializer.Deserialize<Dictionary<string, FeatureProfile>>(serving.InputProfile);
            if (serving is null || trained is null || trained.Count == 0)
            {
                continue;
            }

            var live = await LiveAsync(db, serving.TrainedAt, cancellationToken);
            var firstOrders = kind == ModelVersion.Risk ? await FirstOrdersAsync(db, live, cancellationToken) : new Dictionary<string, DateTimeOffset>();
            var now = InputProfiles.Live(trained, live, firstOrders, kind);
            var features = trained.Select(t =>
            {
                var current = now[t.Key];
                var enough = current.Count >= (t.Key == InputProfiles.OrdersPerDay ? MinimumLiveDays : MinimumLiveOrders);
                double? psi = enough ? Math.Round(Psi.Compute(t.Value.Shares, current.Shares), 4) : null;
                return new FeatureDrift(t.Key, psi, psi is { } p ? Psi.State(p) : "too few", t.Value.Count, current.Count);
            }).ToList();
            models.Add(new ModelDrift(kind, serving.Version, serving.TrainedAt, live.Count, features));
        }

        return new DriftReport(Psi.Watch, Psi.Drift, clock.GetUtcNow(), models);
    }

    private static async Task<List<Purchase>> LiveAsync(AiDbContext db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.PaidAt > since)
            .OrderByDescending(o => o.PaidAt).Take(MaxLiveOrders).AsSplitQuery().ToListAsync(cancellationToken);
        return [.. orders.Select(o => new Purchase(o.Id, o.CustomerId, o.PaidAt,
            [.. o.Lines.Select(l => new PurchaseLine(l.ProductId, l.Quantity, l.UnitPrice))]))];
    }

    /// <summary>Each live customer's first paid order ever (before training too), as account age is counted at training.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> FirstOrdersAsync(AiDbContext db, List<Purchase> live, CancellationToken cancellationToken)
    {
        var customers = live.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        return await db.Orders.AsNoTracking().Where(o => customers.Contains(o.CustomerId)).GroupBy(o => o.CustomerId)
            .Select(g => new { g.Key, First = g.Min(o => o.PaidAt) }).ToDictionaryAsync(x => x.Key, x => x.First, StringComparer.Ordinal, cancellationToken);
    }
}
