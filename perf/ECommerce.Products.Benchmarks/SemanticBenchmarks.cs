using System.Diagnostics;
using System.Globalization;
using ECommerce.Products.Search.Evaluation;
using ECommerce.Products.Search.Semantic;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Semantic search measurements: <c>--search-eval</c> runs the judged query set lexical and hybrid on the seeded
/// catalog; <c>--index</c> times the in-memory index's top-k at 600 to 100,000 products and the model's embedding
/// throughput. <see cref="WaitForIndexAsync"/> is also how the read benchmark waits for the backfill before measuring.
/// </summary>
internal static class SemanticBenchmarks
{
    /// <summary>Waits until this host's index holds an embedding of every active product; returns the seconds it took.</summary>
    public static async Task<double> WaitForIndexAsync<T>(WebApplicationFactory<T> host, int products)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        var index = host.Services.GetRequiredService<SemanticIndex>();
        while (index.Count < products && watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(200);
        }

        return watch.Elapsed.TotalSeconds;
    }

    public static async Task EvaluateAsync<T>(WebApplicationFactory<T> host, string repositoryRoot)
        where T : class
    {
        var queries = SearchEvaluation.Load(SearchEvaluation.DefaultPath(repositoryRoot));
        var lexical = await SearchEvaluation.RunAsync(host.Services, queries, semantic: false, CancellationToken.None);
        var hybrid = await SearchEvaluation.RunAsync(host.Services, queries, semantic: true, CancellationToken.None);
        Console.WriteLine(SearchEvaluation.Table(lexical, hybrid));
    }

    /// <summary>Top-k latency of the index over random normalised vectors, and the model's texts per second by batch size.</summary>
    public static async Task IndexAsync(int queries)
    {
        var random = new Random(22);
        foreach (var size in new[] { 600, 10_000, 100_000 })
        {
            using var index = new SemanticIndex();
            var now = DateTimeOffset.UtcNow;
            index.Upsert(Enumerable.Range(0, size).Select(_ => (Guid.NewGuid(), RandomUnit(random), now)));
            var times = new List<double>(queries);
            for (var i = 0; i < queries; i++)
            {
                var query = RandomUnit(random);
                var started = Stopwatch.GetTimestamp();
                index.Nearest(query, 50, 0.0);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| index top-50 of {size:N0} | {times[times.Count / 2]:F2} ms p50 | {times[(int)(times.Count * 0.99)]:F2} ms p99 |"));
        }

        using var embedder = new TextEmbedder();
        var load = Stopwatch.StartNew();
        await embedder.EmbedAsync(["warm-up"], CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| model load + first text | {load.Elapsed.TotalMilliseconds:F0} ms | |"));
        var names = Enumerable.Range(0, 256).Select(i => $"Vintage {Words[i % Words.Length]} {Words[(i * 7) % Words.Length]} set of {i % 12 + 1}").ToList();
        foreach (var batch in new[] { 1, 32 })
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < names.Count; i += batch)
            {
                await embedder.EmbedAsync(names.Skip(i).Take(batch).ToList(), CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| embed, batches of {batch} | {names.Count / watch.Elapsed.TotalSeconds:F0} texts/s | |"));
        }
    }

    private static readonly string[] Words = ["heart", "lantern", "teacup", "bunting", "tote bag", "notebook", "clock", "doormat", "cake stand", "hot water bottle", "umbrella"];

    private static float[] RandomUnit(Random random)
    {
        var v = new float[TextEmbedder.Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }

        return v;
    }
}
