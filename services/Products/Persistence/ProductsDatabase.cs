namespace ECommerce.Products.Persistence;

/// <summary>Registers the Products database through the shared recipe (Aspire component, migrations at start).</summary>
public static class ProductsDatabase
{
    public const string ConnectionName = "productsdb";

    /// <summary>The key this service read before the shared recipe's <c>Database:MigrateAtStart</c>; still honoured.</summary>
    public const string LegacyMigrateAtStartKey = "Products:Database:MigrateAtStart";

    public static IHostApplicationBuilder AddProductsDatabase(this IHostApplicationBuilder builder)
    {
        // Hosts configured before the recipe (the security suite's among them) set the old key; it means the same thing.
        if (builder.Configuration[ServiceDatabaseExtensions.MigrateAtStartKey] is null
            && builder.Configuration[LegacyMigrateAtStartKey] is { } legacy)
        {
            builder.Configuration[ServiceDatabaseExtensions.MigrateAtStartKey] = legacy;
        }

        var key = $"ConnectionStrings:{ConnectionName}";
        if (builder.Configuration[key] is { Length: > 0 } connectionString)
        {
            builder.Configuration[key] = WithSearchSettings(connectionString);
        }

        return builder.AddServiceDatabase<ProductsDbContext, IHostApplicationBuilder>(ConnectionName);
    }

    /// <summary>
    /// Search's misspelling test is <c>q &lt;% "Name"</c>, which the trigram index serves (an explicit
    /// <c>word_similarity(q, "Name") &gt; 0.35</c> is computed for every row: seconds at 100,000 products, see
    /// docs/benchmarks.md); its threshold is a session setting, given to every connection at its start.
    /// </summary>
    internal static string WithSearchSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var setting = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-c pg_trgm.word_similarity_threshold={Search.ProductSearch.SimilarityThreshold}");
        if (builder.Options?.Contains("pg_trgm.word_similarity_threshold", StringComparison.Ordinal) != true)
        {
            builder.Options = $"{builder.Options} {setting}".Trim();
        }

        return builder.ConnectionString;
    }
}
