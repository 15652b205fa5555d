namespace ECommerce.AI.Training;

/// <summary>Top-k quality of one recommender on one evaluation set.</summary>
public sealed record RecommenderMetrics(string Task, string Recommender, int Queries, double HitRate, double Precision, double Recall, double Ndcg);

/// <summary>HR@k, precision@k, recall@k and NDCG@k with binary relevance, averaged over queries.</summary>
public static class RankingMetrics
{
    public static RecommenderMetrics Compute(string task, string recommender, IEnumerable<(IReadOnlyList<Guid> Recommended, IReadOnlySet<Guid> Relevant)> queries, int k = 10)
    {
        double hits = 0, precision = 0, recall = 0, ndcg = 0;
        var count = 0;
        foreach (var (recommended, relevant) in queries)
        {
            if (relevant.Count == 0)
            {
                continue;
            }

            count++;
            double found = 0, dcg = 0;
            for (var i = 0; i < Math.Min(k, recommended.Count); i++)
            {
                if (relevant.Contains(recommended[i]))
                {
                    found++;
                    dcg += 1 / Math.Log2(i + 2);
                }
            }

            var ideal = Enumerable.Range(0, Math.Min(k, relevant.Count)).Sum(i => 1 / Math.Log2(i + 2));
            hits += found > 0 ? 1 : 0;
            precision += found / k;
            recall += found / relevant.Count;
            ndcg += dcg / ideal;
        }

        return count == 0
            ? new RecommenderMetrics(task, recommender, 0, 0, 0, 0, 0)
            : new RecommenderMetrics(task, recommender, count, hits / count, precision / count, recall / count, ndcg / count);
    }
}
