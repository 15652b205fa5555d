namespace ECommerce.AI.Models;

/// <summary>
/// One input's distribution at training time: either numeric bins (<see cref="Edges"/>: upper bounds of all bins but
/// the last, from the training data's deciles) or categories (<see cref="Categories"/>: the most frequent values, the
/// rest in a last "other" bin), with the share of values in each bin.
/// </summary>
public sealed record FeatureProfile(string Name, double[]? Edges, string[]? Categories, double[] Shares, int Count)
{
    /// <summary>The bin a numeric value falls in.</summary>
    public int BinOf(double value)
    {
        var edges = Edges ?? [];
        var i = 0;
        while (i < edges.Length && value > edges[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>The bin a category falls in (unknown values: "other", the last bin).</summary>
    public int BinOf(string value)
    {
        var i = Array.IndexOf(Categories ?? [], value);
        return i < 0 ? Shares.Length - 1 : i;
    }

    /// <summary>Live values binned the same way as the training values.</summary>
    public FeatureProfile Live(IEnumerable<double> values) => Share(values.Select(BinOf));

    public FeatureProfile Live(IEnumerable<string> values) => Share(values.Select(BinOf));

    private FeatureProfile Share(IEnumerable<int> bins)
    {
        var counts = new double[Shares.Length];
        var n = 0;
        foreach (var bin in bins)
        {
            counts[bin]++;
            n++;
        }

        return this with { Shares = [.. counts.Select(c => n == 0 ? 0 : c / n)], Count = n };
    }

    /// <summary>Training-time profile of a numeric input: bins at its deciles (repeated edges merged, so a discrete input gets fewer bins).</summary>
    public static FeatureProfile Numeric(string name, IEnumerable<double> values, int bins = 10)
    {
        var sorted = values.Order().ToArray();
        var edges = sorted.Length == 0
            ? []
            : Enumerable.Range(1, bins - 1).Select(i => sorted[(int)((long)i * (sorted.Length - 1) / bins)]).Distinct().ToArray();
        var profile = new FeatureProfile(name, edges, null, new double[edges.Length + 1], 0);
        return profile.Live(sorted);
    }

    /// <summary>Training-time profile of a categorical input: its <paramref name="top"/> most frequent values and "other".</summary>
    public static FeatureProfile Categorical(string name, IEnumerable<string> values, int top = 20)
    {
        var list = values.ToList();
        var categories = list.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).Select(g => g.Key).ToArray();
        var profile = new FeatureProfile(name, null, categories, new double[categories.Length + 1], 0);
        return profile.Live(list);
    }
}

/// <summary>
/// Population stability index: Σ (live − training) · ln(live ÷ training) over the bins. By the usual reading below
/// <see cref="Watch"/> is stable, up to <see cref="Drift"/> worth watching, above it the inputs have drifted.
/// </summary>
public static class Psi
{
    public const double Watch = 0.1;
    public const double Drift = 0.25;

    /// <summary>An empty bin would make the logarithm infinite: shares are floored at this.</summary>
    private const double Floor = 1e-4;

    public static double Compute(IReadOnlyList<double> training, IReadOnlyList<double> live)
    {
        var psi = 0.0;
        for (var i = 0; i < training.Count; i++)
        {
            var expected = Math.Max(training[i], Floor);
            var actual = Math.Max(live[i], Floor);
            psi += (actual - expected) * Math.Log(actual / expected);
        }

        return psi;
    }

    /// <summary>"stable", "watch" or "drifted".</summary>
    public static string State(double psi) => psi < Watch ? "stable" : psi < Drift ? "watch" : "drifted";
}

/// <summary>
/// The inputs each model reads, profiled from purchases. The same code profiles the training data (stored with the
/// version) and the orders ingested since, so both are binned alike.
/// </summary>
public static class InputProfiles
{
    public const string OrderValue = "order value";
    public const string ItemsPerOrder = "items per order";
    public const string AccountAge = "account age (days)";
    public const string OrdersPerDay = "orders per day";
    public const string ProductPopularity = "product popularity share";

    /// <summary>The recommender learns from baskets: their value, their size and which products they hold.</summary>
    public static Dictionary<string, FeatureProfile> Recommender(IReadOnlyList<Purchase> purchases) => new()
    {
        [OrderValue] = FeatureProfile.Numeric(OrderValue, purchases.Select(p => (double)p.Total)),
        [ItemsPerOrder] = FeatureProfile.Numeric(ItemsPerOrder, purchases.Select(p => (double)p.Lines.Sum(l => l.Quantity))),
        [ProductPopularity] = FeatureProfile.Categorical(ProductPopularity, purchases.SelectMany(p => p.Lines.Select(l => l.ProductId.ToString()))),
    };

    /// <summary>The risk model reads an order's value and lines, the customer's account age and the store's order rate.</summary>
    public static Dictionary<string, FeatureProfile> Risk(IReadOnlyList<Purchase> purchases, IReadOnlyDictionary<string, DateTimeOffset> firstOrderOf) => new()
    {
        [OrderValue] = FeatureProfile.Numeric(OrderValue, purchases.Select(p => (double)p.Total)),
        [ItemsPerOrder] = FeatureProfile.Numeric(ItemsPerOrder, purchases.Select(p => (double)p.Lines.Count)),
        [AccountAge] = FeatureProfile.Numeric(AccountAge, AccountAges(purchases, firstOrderOf)),
        [OrdersPerDay] = FeatureProfile.Numeric(OrdersPerDay, PerDay(purchases)),
    };

    /// <summary>Live values of each feature, in the same order and binning as <paramref name="trained"/>.</summary>
    public static Dictionary<string, FeatureProfile> Live(
        IReadOnlyDictionary<string, FeatureProfile> trained, IReadOnlyList<Purchase> purchases, IReadOnlyDictionary<string, DateTimeOffset> firstOrderOf, string kind)
    {
        var live = new Dictionary<string, FeatureProfile>();
        foreach (var (name, profile) in trained)
        {
            live[name] = name switch
            {
                OrderValue => profile.Live(purchases.Select(p => (double)p.Total)),
                ItemsPerOrder when kind == Domain.ModelVersion.Recommender => profile.Live(purchases.Select(p => (double)p.Lines.Sum(l => l.Quantity))),
                ItemsPerOrder => profile.Live(purchases.Select(p => (double)p.Lines.Count)),
                AccountAge => profile.Live(AccountAges(purchases, firstOrderOf)),
                OrdersPerDay => profile.Live(PerDay(purchases)),
                ProductPopularity => profile.Live(purchases.SelectMany(p => p.Lines.Select(l => l.ProductId.ToString()))),
                _ => profile with { Shares = new double[profile.Shares.Length], Count = 0 },
            };
        }

        return live;
    }

    /// <summary>The first paid order of each customer, as the risk features count account age without a stated one.</summary>
    public static Dictionary<string, DateTimeOffset> FirstOrders(IEnumerable<Purchase> purchases) =>
        purchases.GroupBy(p => p.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.At), StringComparer.Ordinal);

    private static IEnumerable<double> AccountAges(IEnumerable<Purchase> purchases, IReadOnlyDictionary<string, DateTimeOffset> firstOrderOf) =>
        purchases.Select(p => firstOrderOf.TryGetValue(p.CustomerId, out var first) ? Math.Max(0, (p.At - first).TotalDays) : 0);

    /// <summary>Orders on each calendar day (UTC) that had any.</summary>
    private static IEnumerable<double> PerDay(IEnumerable<Purchase> purchases) =>
        purchases.GroupBy(p => p.At.UtcDateTime.Date).Select(g => (double)g.Count());
}
