using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Caching;
using ECommerce.Products.Catalog;
using ECommerce.Products.Collections;
using ECommerce.Products.Images;
using ECommerce.Products.Import;
using ECommerce.Products.Inventory;
using ECommerce.Products.Persistence;
using ECommerce.Products.Reviews;
using ECommerce.Products.Search;
using ECommerce.Products.Search.Semantic;
using ECommerce.Products.Seeding;

namespace ECommerce.Products;

/// <summary>Everything the Products service registers, so Program.cs stays composition only.</summary>
public static class ProductsServiceExtensions
{
    public const string DatabaseName = ProductsDatabase.ConnectionName;
    public const string CacheName = "cache";

    public static IHostApplicationBuilder AddProductsServices(this IHostApplicationBuilder builder)
    {
        builder.AddProductsDatabase();

        // First hosted service: the development catalog is there before the outbox dispatcher and consumers start.
        builder.Services.AddHostedService<DevelopmentSeeding>();
        builder.AddMessaging<ProductsDbContext>(m => m
            .Subscribe<OrderPlaced, OrderPlacedHandler>()
            .Subscribe<OrderCancelled, OrderCancelledHandler>()
            .Subscribe<OrderPaid, OrderPaidHandler>()
            .Subscribe<OrderShipped, OrderShippedHandler>()
            .Subscribe<ReturnReceived, ReturnReceivedHandler>()
            .Subscribe<UserDeleted, UserDeletedHandler>()
            .Subscribe<ProductUpdated, ProductEmbeddingHandler>());

        builder.AddCatalogCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ProductSearch>();
        builder.Services.AddScoped<SpellingCorrection>();
        builder.Services.AddSingleton<SearchVocabulary>();
        builder.AddSemanticSearch();
        builder.Services.AddScoped<CatalogLookups>();
        builder.Services.AddScoped<ProductSuggestions>();
        builder.Services.AddScoped<ProductReads>();
        builder.Services.AddScoped<ProductCommands>();
        builder.Services.AddScoped<FamilyCommands>();
        builder.Services.AddScoped<FamilyEdits>();
        builder.Services.AddScoped<ProductImporter>();
        builder.Services.AddScoped<InventoryService>();
        builder.Services.AddScoped<StockFulfilment>();
        builder.Services.AddScoped<StockAdmin>();
        builder.Services.AddScoped<CatalogSeeder>();
        builder.Services.AddScoped<CollectionService>();
        builder.Services.AddScoped<CollectionValidation>();
        builder.AddReviews();

        builder.Services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        builder.AddProductImages();

        builder.Services.AddSingleton<ReservationExpiryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReservationExpiryService>());
        return builder;
    }

    /// <summary>
    /// Semantic search: the embedding model and each replica's index (singletons), the writer the event handler and the
    /// backfill share, and the background indexing. Off (<c>Products:Search:Semantic:Enabled=false</c>) nothing loads.
    /// </summary>
    private static void AddSemanticSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SemanticSearchOptions>().BindConfiguration(SemanticSearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TextEmbedder>();
        builder.Services.AddSingleton<SemanticIndex>();
        builder.Services.AddScoped<EmbeddingWriter>();
        builder.Services.AddScoped<HybridRanking>();
        builder.Services.AddSingleton<SemanticIndexing>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SemanticIndexing>());
    }

    /// <summary>
    /// HybridCache with Redis (connection string <c>cache</c>) as its distributed layer when configured; the shared
    /// defaults make Redis optional (timeouts, circuit breaker, Degraded health, evictions retried in the background).
    /// </summary>
    private static void AddCatalogCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.SectionName);
        builder.AddServiceCache(CacheName, "products:", o => o.MaximumPayloadBytes = 4 * 1024 * 1024);
        builder.Services.AddScoped<CatalogCache>();
    }
}
