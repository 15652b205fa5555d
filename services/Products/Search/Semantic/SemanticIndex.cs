using System.Numerics;
using System.Runtime.InteropServices;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// Each replica's in-memory nearest-neighbour index of product embeddings: one contiguous array of normalised vectors
/// searched by brute force, a SIMD dot product per product (100,000 products × 384 floats is 150 MB and a few
/// milliseconds; see docs/benchmarks.md). Exact, so nothing to tune or rebuild; updates replace a row in place. Reads
/// share a lock that an update takes alone for the microseconds it writes.
/// </summary>
public sealed class SemanticIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, int> _rows = [];
    private readonly Dictionary<Guid, DateTimeOffset> _versions = [];
    private Guid[] _ids = new Guid[1024];
    private float[] _vectors = new float[1024 * TextEmbedder.Dimensions];

    /// <summary>True once the first full load finished; until then searches are lexical only.</summary>
    public bool IsReady { get; private set; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _rows.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>The memory the vectors and ids hold, grown ahead (by doubling) of <see cref="Count"/>.</summary>
    public long ReservedBytes => ((long)_vectors.Length * sizeof(float)) + ((long)_ids.Length * 16);

    /// <summary>Adds or replaces vectors, skipping those already applied at the same change time; returns how many changed.</summary>
    public int Upsert(IEnumerable<(Guid Id, float[] Vector, DateTimeOffset UpdatedAt)> items)
    {
        var applied = 0;
        _lock.EnterWriteLock();
        try
        {
            foreach (var (id, vector, updatedAt) in items)
            {
                if (vector.Length != TextEmbedder.Dimensions || (_versions.TryGetValue(id, out var known) && known == updatedAt))
                {
                    continue;
                }

                _versions[id] = updatedAt;
                applied++;

                if (!_rows.TryGetValue(id, out var row))
                {
                    row = _rows.Count;
                    if (row == _ids.Length)
                    {
                        Array.Resize(ref _ids, _ids.Length * 2);
                        Array.Resize(ref _vectors, _ids.Length * TextEmbedder.Dimensions);
                    }

                    _rows[id] = row;
                    _ids[row] = id;
                }

                vector.CopyTo(_vectors.AsSpan(row * TextEmbedder.Dimensions, TextEmbedder.Dimensions));
            }

            return applied;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void MarkReady() => IsReady = true;

    /// <summary>The <paramref name="k"/> most similar products with similarity at least <paramref name="minSimilarity"/>, best first.</summary>
    public List<(Guid Id, float Similarity)> Nearest(float[] query, int k, double minSimilarity)
    {
        // A small min-heap of the best k so far: one pass, no sort of the whole catalog.
        var best = new PriorityQueue<int, float>(k + 1);
        var threshold = (float)minSimilarity;
        _lock.EnterReadLock();
        try
        {
            var vectors = _vectors.AsSpan(0, _rows.Count * TextEmbedder.Dimensions);
            for (var row = 0; row < _rows.Count; row++)
            {
                var similarity = Dot(query, vectors.Slice(row * TextEmbedder.Dimensions, TextEmbedder.Dimensions));
                if (similarity < threshold)
                {
                    continue;
                }

                if (best.Count < k)
                {
                    best.Enqueue(row, similarity);
                }
                else if (best.TryPeek(out _, out var worst) && similarity > worst)
                {
                    best.DequeueEnqueue(row, similarity);
                }
            }

            var result = new List<(Guid, float)>(best.Count);
            while (best.TryDequeue(out var row, out var similarity))
            {
                result.Add((_ids[row], similarity));
            }

            result.Reverse();
            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>SIMD dot product (AVX2: eight floats a step) of two 384-float vectors.</summary>
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        var total = Vector.Sum(sum);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    public void Dispose() => _lock.Dispose();
}
