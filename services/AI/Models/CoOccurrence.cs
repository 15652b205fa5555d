namespace ECommerce.AI.Models;

/// <summary>
/// Item-to-item co-occurrence over baskets, normalised by cosine (count(i,j) / sqrt(n_i · n_j)) so that best-sellers,
/// which appear beside everything, do not top every list. Each pair is weighted down in large baskets.
/// </summary>
public static class CoOccurrence
{
    /// <summary>Pairs seen together fewer times than this are noise and dropped.</summary>
    private const float MinimumWeight = 0.3f;

    public static (int[][] Neighbours, float[][] Scores) Build(List<int[]> baskets, float[] popularity, bool[] recommendable, int k)
    {
        var n = popularity.Length;
        var basketsOf = new List<int>[n];
        for (var b = 0; b < baskets.Count; b++)
        {
            foreach (var i in baskets[b])
            {
                (basketsOf[i] ??= []).Add(b);
            }
        }

        var weights = baskets.Select(b => 1f / MathF.Log2(2 + b.Length)).ToArray();
        var neighbours = new int[n][];
        var scores = new float[n][];
        var accumulator = new float[n];
        var touched = new List<int>();
        for (var i = 0; i < n; i++)
        {
            touched.Clear();
            foreach (var b in basketsOf[i] ?? [])
            {
                foreach (var j in baskets[b])
                {
                    if (j == i || !recommendable[j])
                    {
                        continue;
                    }

                    if (accumulator[j] == 0)
                    {
                        touched.Add(j);
                    }

                    accumulator[j] += weights[b];
                }
            }

            var top = touched.Where(j => accumulator[j] >= MinimumWeight)
                .Select(j => (Item: j, Score: accumulator[j] / MathF.Sqrt(popularity[i] * popularity[j])))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Item).Take(k).ToArray();
            neighbours[i] = [.. top.Select(x => x.Item)];
            scores[i] = [.. top.Select(x => x.Score)];
            foreach (var j in touched)
            {
                accumulator[j] = 0;
            }
        }

        return (neighbours, scores);
    }
}
