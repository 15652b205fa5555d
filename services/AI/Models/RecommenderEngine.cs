
namespace ECommerce.AI.Models;

/// <summary>How "for you" lists are ranked: the baseline, the candidate generator alone, or the learned ranker.</summary>
public enum PersonalMode
{
    Popularity,
    CoOccurrence,
    Ranked,
}

/// <summary>
/// Serves recommendations from one immutable <see cref="RecommenderSnapshot"/> (plus its ranker): thread-safe, no I/O.
/// A new training run produces a new engine; <see cref="ModelHolder"/> swaps it in atomically.
/// </summary>
public sealed class RecommenderEngine
{
    private const int RecentHistoryItems = 30;
    private readonly Dictionary<Guid, int> _index;
    private readonly RecommenderOptions _options;

    public RecommenderEngine(RecommenderSnapshot snapshot, RecommenderOptions options, LearnedRanker? ranker = null)
    {
        Snapshot = snapshot;
        Ranker = ranker;
        _options = options;
        _index = new Dictionary<Guid, int>(snapshot.Items.Length);
        for (var i = 0; i < snapshot.Items.Length; i++)
        {
            _index[snapshot.Items[i]] = i;
        }
    }

    public RecommenderSnapshot Snapshot { get; }

    public LearnedRanker? Ranker { get; }

    public bool Knows(Guid productId) => _index.ContainsKey(productId);

    public IReadOnlyList<ScoredItem> BoughtTogether(Guid productId, int k) =>
        _index.TryGetValue(productId, out var i) ? Take(Snapshot.BoughtTogether[i], Snapshot.BoughtTogetherScores[i], k) : [];

    public IReadOnlyList<ScoredItem> Similar(Guid productId, int k) =>
        _index.TryGetValue(productId, out var i) ? Take(Snapshot.Similar[i], Snapshot.SimilarScores[i], k) : [];

    /// <summary>Best-sellers of the given categories (cold start), topped up with global best-sellers.</summary>
    public IReadOnlyList<ScoredItem> Popular(IEnumerable<string> categories, int k, IReadOnlySet<Guid>? exclude = null)
    {
        var lists = categories.Select(c => Snapshot.PopularByCategory.GetValueOrDefault(c) ?? []).Append(Snapshot.PopularGlobal);
        var result = new List<ScoredItem>(k);
        var seen = new HashSet<int>();
        foreach (var item in lists.SelectMany(l => l))
        {
            if (result.Count == k)
            {
                break;
            }

            if (seen.Add(item) && exclude?.Contains(Snapshot.Items[item]) != true)
            {
                result.Add(new ScoredItem(Snapshot.Items[item], Snapshot.RecentPopularity[item]));
            }
        }

        return result;
    }

    /// <summary>The categories a history leans to, most frequent first.</summary>
    public IEnumerable<string> CategoriesOf(IReadOnlyList<HistoryItem> history) =>
        history.Where(h => _index.ContainsKey(h.ProductId)).GroupBy(h => Snapshot.Categories[_index[h.ProductId]])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(3);

    /// <summary>"Recommended for you": candidates from the customer's history, ranked as <paramref name="mode"/> says.</summary>
    public IReadOnlyList<ScoredItem> ForCustomer(IReadOnlyList<HistoryItem> history, DateTimeOffset now, int k, PersonalMode mode = PersonalMode.Ranked)
    {
        if (mode == PersonalMode.Popularity || history.Count == 0)
        {
            return Popular(mode == PersonalMode.Popularity ? [] : CategoriesOf(history), k);
        }

        var candidates = Candidates(history, now);
        float[] scores;
        if (mode == PersonalMode.Ranked && Ranker is not null)
        {
            scores = Ranker.Score(candidates);
        }
        else
        {
            scores = [.. candidates.Select(c => c.HeuristicScore)];
        }

        return [.. Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).ThenBy(i => candidates[i].Item).Take(k)
            .Select(i => new ScoredItem(Snapshot.Items[candidates[i].Item], scores[i]))];
    }

    /// <summary>
    /// Candidates: co-occurrence and similarity neighbours of the recent history, best-sellers of the customer's
    /// categories, and earlier purchases that people do buy again. Items already bought are dropped unless they are
    /// repeat-purchase items.
    /// </summary>
    public List<Candidate> Candidates(IReadOnlyList<HistoryItem> history, DateTimeOffset now)
    {
        var s = Snapshot;
        var bought = new Dictionary<int, (int Times, DateTimeOffset Last)>();
        var categoryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        double logPriceSum = 0;
        var priced = 0;
        foreach (var h in history)
        {
            if (!_index.TryGetValue(h.ProductId, out var i))
            {
                continue;
            }

            var previous = bought.GetValueOrDefault(i);
            bought[i] = (previous.Times + 1, previous.Last > h.At ? previous.Last : h.At);
            categoryCounts[s.Categories[i]] = categoryCounts.GetValueOrDefault(s.Categories[i]) + 1;
            if (s.Prices[i] > 0)
            {
                logPriceSum += Math.Log(s.Prices[i]);
                priced++;
            }
        }

        // Per-thread dense scratch arrays instead of a dictionary per request: "for you" is the hot path and a
        // dictionary of ~2,000 entries per call made the garbage collector the main source of tail latency.
        var raw = Scratch.For(s.Items.Length);
        try
        {
            foreach (var (item, last) in bought.OrderByDescending(b => b.Value.Last).Take(RecentHistoryItems).Select(b => (b.Key, b.Value.Last)))
            {
                // Older purchases speak more softly: a 90-day half-life keeps the list about what the customer does now.
                var decay = (float)Math.Pow(0.5, Math.Max(0, (now - last).TotalDays) / 90);
                for (var n = 0; n < s.BoughtTogether[item].Length; n++)
                {
                    var j = s.BoughtTogether[item][n];
                    var score = s.BoughtTogetherScores[item][n] * decay;
                    raw.Touch(j);
                    raw.Sum[j] += score;
                    raw.Max[j] = Math.Max(raw.Max[j], score);
                    raw.Hits[j]++;
                }

                for (var n = 0; n < s.Similar[item].Length; n++)
                {
                    var j = s.Similar[item][n];
                    raw.Touch(j);
                    raw.Similar[j] += s.SimilarScores[item][n] * decay;
                }
            }

            return Build(raw, bought, categoryCounts, priced == 0 ? null : logPriceSum / priced, history.Count, now);
        }
        finally
        {
            raw.Clear();
        }
    }

    private List<Candidate> Build(
        Scratch raw, Dictionary<int, (int Times, DateTimeOffset Last)> bought, Dictionary<string, int> categoryCounts, double? meanLogPrice, int historyCount, DateTimeOffset now)
    {
        var s = Snapshot;
        var linkedCount = _options.Candidates * 3 / 4;
        raw.Touched.Sort((a, b) =>
        {
            var byScore = (raw.Sum[b] + (0.3f * raw.Similar[b])).CompareTo(raw.Sum[a] + (0.3f * raw.Similar[a]));
            return byScore != 0 ? byScore : a.CompareTo(b);
        });
        var linked = raw.Touched.Take(linkedCount);
        var topCategories = categoryCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(3).Select(c => c.Key);
        var popular = topCategories.SelectMany(c => s.PopularByCategory.GetValueOrDefault(c) ?? []).Concat(s.PopularGlobal);
        var repeats = bought.Keys.Where(i => s.RepeatRates[i] >= _options.RepeatPurchaseRate);

        var chosen = new List<int>(_options.Candidates);
        var seen = new HashSet<int>();
        foreach (var j in linked.Concat(repeats).Concat(popular))
        {
            if (chosen.Count == _options.Candidates)
            {
                break;
            }

            var alreadyBought = bought.ContainsKey(j);
            if ((!alreadyBought || s.RepeatRates[j] >= _options.RepeatPurchaseRate) && seen.Add(j))
            {
                chosen.Add(j);
            }
        }

        var historyLength = MathF.Log(1 + historyCount);
        var total = Math.Max(1, categoryCounts.Values.Sum());
        return [.. chosen.Select(j =>
        {
            var b = bought.GetValueOrDefault(j);
            var features = new float[PersonalFeatures.Count];
            features[PersonalFeatures.CoocSum] = raw.Sum[j];
            features[PersonalFeatures.CoocMax] = raw.Max[j];
            features[PersonalFeatures.CoocHits] = raw.Hits[j];
            features[PersonalFeatures.Popularity] = MathF.Log(1 + s.Popularity[j]);
            features[PersonalFeatures.RecentPopularity] = MathF.Log(1 + s.RecentPopularity[j]);
            features[PersonalFeatures.CategoryAffinity] = (float)categoryCounts.GetValueOrDefault(s.Categories[j]) / total;
            features[PersonalFeatures.PriceDistance] = meanLogPrice is not { } mean || s.Prices[j] <= 0 ? 0f : (float)Math.Abs(Math.Log(s.Prices[j]) - mean);
            features[PersonalFeatures.TimesBought] = b.Times;
            features[PersonalFeatures.DaysSinceBought] = b.Times == 0 ? 365f : (float)Math.Min(365, (now - b.Last).TotalDays);
            features[PersonalFeatures.RepeatRate] = s.RepeatRates[j];
            features[PersonalFeatures.HistoryLength] = historyLength;
            features[PersonalFeatures.SimilarSum] = raw.Similar[j];
            return new Candidate(j, features);
        })];
    }

    private List<ScoredItem> Take(int[] items, float[] scores, int k) =>
        [.. items.Take(k).Select((item, n) => new ScoredItem(Snapshot.Items[item], scores[n]))];
}
