using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ECommerce.Products.Domain;
using ECommerce.Products.Search.Semantic;
using ECommerce.Products.Seeding;
using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Products.Benchmarks;

/// <summary>
/// Fills a migrated, empty Products database with a <see cref="GeneratedCatalog"/>: categories and brands by INSERT,
/// products, stock and embeddings by binary COPY (100,000 rows in seconds; per-row EF would take minutes). The
/// embeddings are the service's own (<see cref="TextEmbedder"/> over <see cref="EmbeddingWriter.TextOf"/>, with the
/// same text hash, so the service's backfill finds nothing to do), made in batches on <c>threads</c> model instances
/// at once and cached on disk per chunk of texts (keyed by their hash): a warm run embeds nothing.
/// </summary>
internal static class GeneratedCatalogLoader
{
    private const int Chunk = 2000;

    private const int Batch = 32;

    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "ecommerce-bench-embeddings");

    /// <summary>The text the service embeds for each item (no options: generated products are standalone).</summary>
    public static List<string> Texts(IEnumerable<GeneratedCatalog.Item> items) =>
        [.. items.Select(i => EmbeddingWriter.TextOf(new EmbeddingWriter.Source(i.Id, i.Name, i.Category, i.Brand, [], i.Description)))];

    /// <summary>
    /// Every text's embedding, from the cache where a chunk is there; prints how many were embedded and how fast. With
    /// <paramref name="cachedOnly"/>, a chunk not in the cache takes the cached vectors of earlier chunks instead (a
    /// latency run's stand-in when the cache is not full yet: the index's cost depends on the count, not the values).
    /// </summary>
    public static async Task<float[][]> EmbedAsync(List<string> texts, int threads, TextWriter log, bool cachedOnly = false)
    {
        Directory.CreateDirectory(CacheDirectory);
        var result = new float[texts.Count][];
        var embedders = Enumerable.Range(0, threads).Select(_ => new TextEmbedder()).ToList();
        var embedded = 0;
        var borrowed = 0;
        var watch = Stopwatch.StartNew();
        try
        {
            for (var start = 0; start < texts.Count; start += Chunk)
            {
                var chunk = texts.GetRange(start, Math.Min(Chunk, texts.Count - start));
                var file = Path.Combine(CacheDirectory, $"{HashOf(TextEmbedder.ModelName + "\n" + string.Join('\n', chunk))}.f32");
                var vectors = File.Exists(file) ? await ReadAsync(file, chunk.Count) : null;
                if (vectors is null && cachedOnly)
                {
                    var known = start - borrowed;
                    vectors = [.. Enumerable.Range(0, chunk.Count).Select(i => result[(start + i) % Math.Max(1, known)] ?? throw new InvalidOperationException("No cached embeddings to reuse."))];
                    borrowed += chunk.Count;
                }

                if (vectors is null)
                {
                    vectors = new float[chunk.Count][];
                    var next = 0;
                    // Each model instance takes the next batch: one ONNX thread each, so two of them use both cores.
                    await Task.WhenAll(embedders.Select(async embedder =>
                    {
                        for (var b = Interlocked.Add(ref next, Batch) - Batch; b < chunk.Count; b = Interlocked.Add(ref next, Batch) - Batch)
                        {
                            var batch = chunk.GetRange(b, Math.Min(Batch, chunk.Count - b));
                            (await embedder.EmbedAsync(batch, CancellationToken.None)).CopyTo(vectors, b);
                        }
                    }));
                    await WriteAsync(file, vectors);
                    embedded += chunk.Count;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  embedded {start + chunk.Count:N0}/{texts.Count:N0}: {embedded / watch.Elapsed.TotalSeconds:F0} texts/s on {threads} model instance(s)"));
                }

                vectors.CopyTo(result, start);
            }
        }
        finally
        {
            embedders.ForEach(e => e.Dispose());
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embeddings: {texts.Count:N0} in {watch.Elapsed.TotalSeconds:F1} s ({embedded:N0} embedded, {texts.Count - embedded - borrowed:N0} from {CacheDirectory}, {borrowed:N0} copies of those)"));
        return result;
    }

    /// <summary>Writes the catalog into <paramref name="database"/> (migrated, no products yet); no embeddings when <paramref name="vectors"/> is null.</summary>
    public static async Task LoadAsync(string database, List<GeneratedCatalog.Item> items, float[][]? vectors, List<string> texts)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var categories = new Dictionary<string, int>();
        foreach (var (slug, name) in SeedCategories.Roots)
        {
            categories[slug] = await InsertAsync(connection, "categories", slug, name, null);
        }

        // The "garden" leaf shares its root's slug: as in the seed, its products go to the root (the upsert returns it).
        foreach (var leaf in SeedCategories.Leaves)
        {
            categories[leaf.Name] = await InsertAsync(connection, "categories", leaf.Slug, leaf.Name, categories[leaf.Parent]);
        }

        var brands = new Dictionary<string, int>();
        foreach (var brand in SeedCategories.Brands)
        {
            brands[brand] = await InsertAsync(connection, "brands", Slugs.From(brand), brand, null);
        }

        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY products (\"Id\", \"Sku\", \"Name\", \"Slug\", \"Description\", \"Price\", \"Currency\", \"TaxClass\", \"WeightGrams\", "
            + "\"CategoryId\", \"BrandId\", \"Attributes\", \"Active\", \"CreatedAt\", \"UpdatedAt\", \"OptionValues\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                await copy.StartRowAsync();
                await copy.WriteAsync(item.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(item.Sku, NpgsqlDbType.Varchar);
                await copy.WriteAsync(item.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync($"{Slugs.From(item.Name)}-{i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(item.Description, NpgsqlDbType.Varchar);
                await copy.WriteAsync(item.Price, NpgsqlDbType.Numeric);
                await copy.WriteAsync("GBP", NpgsqlDbType.Char);
                await copy.WriteAsync(ProductRules.DefaultTaxClass, NpgsqlDbType.Varchar);
                await copy.WriteAsync(ProductRules.DefaultWeightGrams, NpgsqlDbType.Integer);
                await copy.WriteAsync(categories[item.Category], NpgsqlDbType.Integer);
                await copy.WriteAsync(brands[item.Brand], NpgsqlDbType.Integer);
                await copy.WriteAsync($"{{\"material\":\"{item.Material.ToLowerInvariant()}\"}}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(now.AddSeconds(-i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY stock (\"ProductId\", \"Available\", \"ReorderLevel\", \"Reserved\", \"Sold\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < items.Count; i++)
            {
                await copy.WriteRowAsync(CancellationToken.None, items[i].Id, 20 + (i * 37 % 180), 5, 0, i * 13 % 500);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = vectors is null ? null : await connection.BeginBinaryImportAsync(
            "COPY product_embeddings (\"ProductId\", \"Vector\", \"Model\", \"TextHash\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; copy is not null && i < items.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(items[i].Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(vectors![i], NpgsqlDbType.Array | NpgsqlDbType.Real);
                await copy.WriteAsync(TextEmbedder.ModelName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(HashOf(texts[i]), NpgsqlDbType.Varchar);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            if (copy is not null)
            {
                await copy.CompleteAsync();
            }
        }

        await using var analyze = new NpgsqlCommand("ANALYZE products; ANALYZE stock; ANALYZE product_embeddings", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<int> InsertAsync(NpgsqlConnection connection, string table, string slug, string name, int? parent)
    {
        var sql = parent is null
            ? $"INSERT INTO {table} (\"Slug\", \"Name\") VALUES ($1, $2) ON CONFLICT (\"Slug\") DO UPDATE SET \"Slug\" = EXCLUDED.\"Slug\" RETURNING \"Id\""
            : $"INSERT INTO {table} (\"Slug\", \"Name\", \"ParentId\") VALUES ($1, $2, $3) ON CONFLICT (\"Slug\") DO UPDATE SET \"Slug\" = EXCLUDED.\"Slug\" RETURNING \"Id\"";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        if (parent is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parent.Value });
        }

        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The service's text hash (EmbeddingWriter's): SHA-256 of the UTF-8 text, lower-case hex.</summary>
    private static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<float[][]?> ReadAsync(string file, int count)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        if (bytes.Length != count * TextEmbedder.Dimensions * sizeof(float))
        {
            return null;
        }

        var all = new float[count * TextEmbedder.Dimensions];
        Buffer.BlockCopy(bytes, 0, all, 0, bytes.Length);
        return [.. Enumerable.Range(0, count).Select(i => all.AsSpan(i * TextEmbedder.Dimensions, TextEmbedder.Dimensions).ToArray())];
    }

    private static async Task WriteAsync(string file, float[][] vectors)
    {
        var bytes = new byte[vectors.Length * TextEmbedder.Dimensions * sizeof(float)];
        for (var i = 0; i < vectors.Length; i++)
        {
            Buffer.BlockCopy(vectors[i], 0, bytes, i * TextEmbedder.Dimensions * sizeof(float), TextEmbedder.Dimensions * sizeof(float));
        }

        // Written aside and moved: an interrupted run never leaves a short file under the final name.
        await File.WriteAllBytesAsync(file + ".tmp", bytes);
        File.Move(file + ".tmp", file, overwrite: true);
    }
}
