using System.Globalization;
using ECommerce.Products.Search.Semantic;
using ECommerce.Products.Seeding;

namespace ECommerce.Products.Benchmarks;

/// <summary>
/// <c>--int8-recall [N]</c>: what quantising the index's vectors to int8 (one scale per vector, 127 / its largest
/// component) would cost in recall: the top 50 by the quantised dot product against the exact float top 50, for shopper
/// queries embedded by the model, over the first N products of the generated 100,000 (their embeddings from the cache).
/// A measurement for the decision in docs/benchmarks.md; the service's index stays float.
/// </summary>
internal static class Int8Recall
{
    private static readonly string[] Queries =
    [
        "mug", "something to keep tea warm", "tepot", "stationery", "teapot", "cup", "present for a gardener", "red umbrella",
        "notebook", "candle", "something to carry shopping", "christmas tree decoration", "toy for a toddler", "cushion",
        "blue tote bag", "lunch box for school", "bird feeder", "wall clock", "jewellery", "storage basket", "coffee",
        "easter", "lamp for the bedside", "card for a birthday",
    ];

    public static async Task RunAsync(int count)
    {
        var items = GeneratedCatalog.Generate(100_000, SeedCategories.Brands).Take(count).ToList();
        var vectors = await GeneratedCatalogLoader.EmbedAsync(GeneratedCatalogLoader.Texts(items), 2, Console.Out);
        var quantised = vectors.Select(Quantise).ToArray();
        using var embedder = new TextEmbedder();
        var recalls = new List<double>();
        foreach (var text in Queries)
        {
            var query = await embedder.EmbedQueryAsync(text, CancellationToken.None);
            var exact = Top(vectors.Select(v => SemanticIndex.Dot(query, v)).ToArray(), 50);
            var approximate = Top(quantised.Select(q => Dot(query, q)).ToArray(), 50);
            recalls.Add(exact.Intersect(approximate).Count() / 50.0);
        }

        var error = vectors.Zip(quantised).Average(p => Math.Abs(SemanticIndex.Dot(p.First, p.First) - Dot(p.First, p.Second)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"int8 vs float over {count:N0} generated products, {Queries.Length} queries: recall@50 mean {recalls.Average():P1}, worst {recalls.Min():P1}; "
            + $"mean |self-similarity error| {error:F4}; {count * TextEmbedder.Dimensions * 4 / 1e6:F0} MB float → {count * (TextEmbedder.Dimensions + 4) / 1e6:F0} MB int8"));
    }

    /// <summary>Symmetric int8 with a per-vector scale: the largest component becomes ±127.</summary>
    internal static (sbyte[] Values, float Scale) Quantise(float[] vector)
    {
        var max = vector.Max(MathF.Abs);
        var scale = max == 0 ? 1f : max / 127f;
        return ([.. vector.Select(x => (sbyte)Math.Clamp(MathF.Round(x / scale), -127, 127))], scale);
    }

    internal static float Dot(float[] query, (sbyte[] Values, float Scale) row)
    {
        var sum = 0f;
        for (var i = 0; i < query.Length; i++)
        {
            sum += query[i] * row.Values[i];
        }

        return sum * row.Scale;
    }

    private static int[] Top(float[] scores, int k) =>
        [.. scores.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(k).Select(x => x.i)];
}
