using ECommerce.AI.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ECommerce.AI.Training;

/// <summary>
/// "Similar products": TF-IDF-like text vectors of name and category (ML.NET FeaturizeText: word unigrams and bigrams
/// plus character trigrams, L2-normalised so a dot product is the cosine), combined with category and price proximity.
/// Scored through an inverted index so only products sharing a term are compared.
/// </summary>
public static class TextSimilarity
{
    private const float TextWeight = 0.7f;
    private const float CategoryWeight = 0.15f;
    private const float PriceWeight = 0.15f;

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    public static (int[][] Neighbours, float[][] Scores) Build(
        Guid[] ids, IReadOnlyDictionary<Guid, CatalogItem> catalog, string[] categories, float[] prices, bool[] recommendable, int k)
    {
        var n = ids.Length;
        var vectors = Featurize([.. ids.Select(id => catalog.TryGetValue(id, out var item) ? $"{item.Name} {item.Category}" : "")]);

        var postings = new Dictionary<int, List<(int Item, float Weight)>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var (feature, weight) in vectors[i])
            {
                if (!postings.TryGetValue(feature, out var list))
                {
                    postings[feature] = list = [];
                }

                list.Add((i, weight));
            }
        }

        var neighbours = new int[n][];
        var scores = new float[n][];
        var dot = new float[n];
        var touched = new List<int>();
        for (var i = 0; i < n; i++)
        {
            touched.Clear();
            foreach (var (feature, weight) in vectors[i])
            {
                foreach (var (j, other) in postings[feature])
                {
                    if (j == i || !recommendable[j])
                    {
                        continue;
                    }

                    if (dot[j] == 0)
                    {
                        touched.Add(j);
                    }

                    dot[j] += weight * other;
                }
            }

            var top = touched
                .Select(j => (Item: j, Score: (TextWeight * dot[j]) + (categories[i] == categories[j] ? CategoryWeight : 0f) + (PriceWeight * PriceProximity(prices[i], prices[j]))))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Item).Take(k).ToArray();
            neighbours[i] = [.. top.Select(x => x.Item)];
            scores[i] = [.. top.Select(x => x.Score)];
            foreach (var j in touched)
            {
                dot[j] = 0;
            }
        }

        return (neighbours, scores);
    }

    /// <summary>1 for equal prices, 1/r when one price is r times the other.</summary>
    private static float PriceProximity(float a, float b) =>
        a <= 0 || b <= 0 ? 0f : MathF.Exp(-MathF.Abs(MathF.Log(a) - MathF.Log(b)));

    /// <summary>Sparse text vectors (feature index, weight) for each text, read straight from ML.NET's sparse buffers.</summary>
    private static List<(int Feature, float Weight)>[] Featurize(string[] texts)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t }));
        var options = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        };
        var transformed = ml.Transforms.Text.FeaturizeText("Features", options, nameof(TextRow.Text)).Fit(data).Transform(data);

        var result = new List<(int, float)>[texts.Length];
        var column = transformed.Schema["Features"];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var values = buffer.GetValues();
            var list = new List<(int, float)>(values.Length);
            if (buffer.IsDense)
            {
                for (var f = 0; f < values.Length; f++)
                {
                    if (values[f] != 0)
                    {
                        list.Add((f, values[f]));
                    }
                }
            }
            else
            {
                var indices = buffer.GetIndices();
                for (var f = 0; f < values.Length; f++)
                {
                    list.Add((indices[f], values[f]));
                }
            }

            result[row++] = list;
        }

        return result;
    }
}
