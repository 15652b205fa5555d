using ECommerce.AI.Models;

namespace ECommerce.AI.Training;

/// <summary>Builds a <see cref="RecommenderSnapshot"/> (without ranker) from purchases and the catalog.</summary>
public static class SnapshotBuilder
{
    public const string UnknownCategory = "other";

    /// <summary>Baskets larger than this are truncated: a wholesale order of 500 lines says little about any one pair.</summary>
    private const int MaxBasketSize = 80;

    public static RecommenderSnapshot Build(TrainingData data, RecommenderOptions options)
    {
        var purchases = data.Purchases.Where(p => !p.Cancelled).ToList();
        var until = purchases.Count == 0 ? DateTimeOffset.UtcNow : purchases.Max(p => p.At);

        var ids = data.Catalog.Keys.Concat(purchases.SelectMany(p => p.Lines.Select(l => l.ProductId))).Distinct().ToArray();
        var index = new Dictionary<Guid, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        var n = ids.Length;
        var popularity = new float[n];
        var recent = new float[n];
        var priceSum = new double[n];
        var priceCount = new int[n];
        var buyersOrders = new Dictionary<(int Item, string Customer), int>();
        var baskets = new List<int[]>(purchases.Count);
        var recentFrom = until.AddDays(-options.RecentDays);

        foreach (var purchase in purchases)
        {
            var basket = purchase.Lines.Select(l => index[l.ProductId]).Distinct().Take(MaxBasketSize).ToArray();
            baskets.Add(basket);
            foreach (var line in purchase.Lines)
            {
                var i = index[line.ProductId];
                priceSum[i] += (double)line.UnitPrice;
                priceCount[i]++;
            }

            foreach (var i in basket)
            {
                popularity[i]++;
                if (purchase.At >= recentFrom)
                {
                    recent[i]++;
                }

                buyersOrders[(i, purchase.CustomerId)] = buyersOrders.GetValueOrDefault((i, purchase.CustomerId)) + 1;
            }
        }

        var buyers = new int[n];
        var repeaters = new int[n];
        foreach (var ((item, _), orders) in buyersOrders)
        {
            buyers[item]++;
            if (orders > 1)
            {
                repeaters[item]++;
            }
        }

        var categories = new string[n];
        var prices = new float[n];
        for (var i = 0; i < n; i++)
        {
            var known = data.Catalog.GetValueOrDefault(ids[i]);
            categories[i] = string.IsNullOrWhiteSpace(known?.Category) ? UnknownCategory : known.Category;
            prices[i] = known is { Price: > 0 } ? (float)known.Price : priceCount[i] > 0 ? (float)(priceSum[i] / priceCount[i]) : 0f;
        }

        // Inactive products are never recommended, but they still link the items around them while counting.
        var recommendable = ids.Select(id => data.Catalog.GetValueOrDefault(id)?.Active ?? true).ToArray();
        var (together, togetherScores) = CoOccurrence.Build(baskets, popularity, recommendable, options.Neighbours);
        var (similar, similarScores) = TextSimilarity.Build(ids, data.Catalog, categories, prices, recommendable, options.Neighbours);

        int[] Top(IEnumerable<int> items) => [.. items.Where(i => recommendable[i] && popularity[i] > 0)
            .OrderByDescending(i => recent[i] + (popularity[i] * 0.1f)).ThenBy(i => ids[i]).Take(options.PopularListSize)];

        return new RecommenderSnapshot
        {
            Items = ids,
            Categories = categories,
            Prices = prices,
            Popularity = popularity,
            RecentPopularity = recent,
            RepeatRates = [.. Enumerable.Range(0, n).Select(i => buyers[i] == 0 ? 0f : (float)repeaters[i] / buyers[i])],
            BoughtTogether = together,
            BoughtTogetherScores = togetherScores,
            Similar = similar,
            SimilarScores = similarScores,
            PopularGlobal = Top(Enumerable.Range(0, n)),
            PopularByCategory = Enumerable.Range(0, n).GroupBy(i => categories[i]).ToDictionary(g => g.Key, g => Top(g)),
            TrainedUntil = until,
        };
    }
}
