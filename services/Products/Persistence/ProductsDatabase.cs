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

        return builder.AddServiceDatabase<ProductsDbContext, IHostApplicationBuilder>(ConnectionName);
    }
}
