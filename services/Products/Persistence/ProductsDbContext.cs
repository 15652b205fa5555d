using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Persistence;

/// <summary>The Products database: catalog, stock, reservations, the audit trail, reviews, collections, search embeddings, and the messaging outbox/inbox.</summary>
public sealed class ProductsDbContext(DbContextOptions<ProductsDbContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductFamily> Families => Set<ProductFamily>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<ProductImage> ProductImages => Set<ProductImage>();

    public DbSet<StockItem> Stock => Set<StockItem>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<VerifiedPurchase> Purchasers => Set<VerifiedPurchase>();

    public DbSet<ProductRating> Ratings => Set<ProductRating>();

    public DbSet<Collection> Collections => Set<Collection>();

    public DbSet<ProductEmbedding> Embeddings => Set<ProductEmbedding>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // pg_trgm is a trusted extension in PostgreSQL 13+, so the database owner may create it.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProductsDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<decimal>().HavePrecision(13, Currencies.MaxExponent);
}
