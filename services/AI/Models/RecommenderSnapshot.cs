using System.IO.Compression;
using System.Text.Json;

namespace ECommerce.AI.Models;

/// <summary>
/// Everything a recommender needs at serving time, as plain arrays indexed by item position: item statistics,
/// "bought together" and "similar" neighbour lists, popularity lists and the learned ranker's bytes. Immutable once
/// built; stored in the database as gzipped JSON.
/// </summary>
public sealed class RecommenderSnapshot
{
    public required Guid[] Items { get; init; }

    public required string[] Categories { get; init; }

    public required float[] Prices { get; init; }

    /// <summary>Orders containing the item over the whole training window.</summary>
    public required float[] Popularity { get; init; }

    /// <summary>Orders containing the item in the most recent window (what is selling now).</summary>
    public required float[] RecentPopularity { get; init; }

    /// <summary>Share of the item's buyers who bought it in more than one order: consumables are re-recommended.</summary>
    public required float[] RepeatRates { get; init; }

    public required int[][] BoughtTogether { get; init; }

    public required float[][] BoughtTogetherScores { get; init; }

    public required int[][] Similar { get; init; }

    public required float[][] SimilarScores { get; init; }

    public required int[] PopularGlobal { get; init; }

    public required Dictionary<string, int[]> PopularByCategory { get; init; }

    public required DateTimeOffset TrainedUntil { get; init; }

    /// <summary>"LightGbm", "FastTree" or "None" (co-occurrence scores only).</summary>
    public string Ranker { get; set; } = "None";

    public byte[]? RankerModel { get; set; }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, this);
        }

        return buffer.ToArray();
    }

    public static RecommenderSnapshot FromBytes(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<RecommenderSnapshot>(gzip)
            ?? throw new InvalidDataException("The stored recommender model is empty.");
    }
}
