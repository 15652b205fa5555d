using ECommerce.Products.Benchmarks;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search.Semantic;
using ECommerce.Products.Seeding;

namespace ECommerce.Products.Tests;

/// <summary>
/// The search benchmark's generated catalog (perf/ECommerce.Products.Benchmarks, compiled in here): its products must
/// be distinct (a repeated name or text would make the 100,000-product figures a smaller catalog in disguise) and the
/// same on every run (the embedding cache is keyed by the texts). Plus the int8 quantiser measured against the float
/// index, and the session setting search's trigram test needs.
/// </summary>
public sealed class GeneratedCatalogTests
{
    [Fact]
    public void A_hundred_thousand_generated_products_have_distinct_names_texts_skus_and_ids()
    {
        var items = GeneratedCatalog.Generate(100_000, SeedCategories.Brands);

        Assert.Equal(100_000, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(items.Count, items.Select(i => i.Sku).Distinct().Count());
        Assert.Equal(items.Count, GeneratedCatalogLoader.Texts(items).Distinct().Count());
        // Every category and brand is used, and every category is one the seed's tree has (the loader maps names to it).
        Assert.Equal(GeneratedCatalog.Categories.Count(), items.Select(i => i.Category).Distinct().Count());
        Assert.All(GeneratedCatalog.Categories, c => Assert.Contains(SeedCategories.Leaves, l => l.Name == c));
        Assert.Equal(SeedCategories.Brands.Length, items.Select(i => i.Brand).Distinct().Count());
    }

    [Fact]
    public void The_same_size_generates_the_same_catalog()
    {
        var first = GeneratedCatalog.Generate(600, SeedCategories.Brands);
        var second = GeneratedCatalog.Generate(600, SeedCategories.Brands);

        Assert.Equal(first, second);
        // The embedded text starts with the name and carries the description's first sentence: what the product is for.
        var text = GeneratedCatalogLoader.Texts([first[0]])[0];
        Assert.StartsWith(first[0].Name + ". " + first[0].Category, text, StringComparison.Ordinal);
        Assert.Contains(first[0].Description.Split(". ")[0], text, StringComparison.Ordinal);
    }

    [Fact]
    public void Int8_quantised_vectors_keep_the_similarity_order_of_the_float_ones()
    {
        // Unit vectors shaped like the model's (384 components of about ±0.05): the quantised dot product must stay
        // within 0.01 of the exact one, and the nearest of 2,000 to a query must mostly stay the nearest.
        var random = new Random(22);
        var rows = Enumerable.Range(0, 2000).Select(_ => Unit(random)).ToArray();
        var quantised = rows.Select(Int8Recall.Quantise).ToArray();
        var query = Unit(random);

        var exact = rows.Select(r => SemanticIndex.Dot(query, r)).ToArray();
        var approximate = quantised.Select(q => Int8Recall.Dot(query, q)).ToArray();
        Assert.All(exact.Zip(approximate), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 0.01));
        var top = exact.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(50).Select(x => x.i);
        var topQuantised = approximate.Select((s, i) => (s, i)).OrderByDescending(x => x.s).Take(50).Select(x => x.i);
        Assert.True(top.Intersect(topQuantised).Count() >= 45, "recall@50 of int8 below 90 %");
        Assert.All(quantised, q => Assert.Equal(127, q.Values.Max(v => Math.Abs((int)v))));
    }

    private static float[] Unit(Random random)
    {
        var v = Enumerable.Range(0, TextEmbedder.Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void Every_connection_starts_with_the_word_similarity_threshold_search_uses()
    {
        var withSetting = ProductsDatabase.WithSearchSettings("Host=db;Database=productsdb;Options=-c statement_timeout=5000");

        var options = new Npgsql.NpgsqlConnectionStringBuilder(withSetting).Options;
        Assert.Equal("-c statement_timeout=5000 -c pg_trgm.word_similarity_threshold=0.35", options);
        Assert.Equal(withSetting, ProductsDatabase.WithSearchSettings(withSetting));
    }
}
