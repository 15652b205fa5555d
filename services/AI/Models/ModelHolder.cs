namespace ECommerce.AI.Models;

/// <summary>The models being served right now, with the versions they were loaded from (0 = none, fallbacks serve).</summary>
public sealed record ServingModels(RecommenderEngine? Recommender, int RecommenderVersion, RiskScorer? Risk, int RiskVersion)
{
    public static readonly ServingModels None = new(null, 0, null, 0);
}

/// <summary>
/// Hot swap without dropped requests: a request reads <see cref="Current"/> once and uses that immutable set to the
/// end, while a promotion replaces the reference atomically; the old models are collected when the last reader is done.
/// </summary>
public sealed class ModelHolder
{
    private ServingModels _current = ServingModels.None;

    public ServingModels Current => Volatile.Read(ref _current);

    public void Swap(Func<ServingModels, ServingModels> change)
    {
        ServingModels seen, next;
        do
        {
            seen = Current;
            next = change(seen);
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref _current, next, seen), seen));
    }
}
