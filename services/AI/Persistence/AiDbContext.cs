using ECommerce.AI.Domain;
using ECommerce.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.AI.Persistence;

/// <summary>The AI service's own database (<c>aidb</c>): what it learned from events, product views and model versions.</summary>
public sealed class AiDbContext(DbContextOptions<AiDbContext> options) : DbContext(options)
{
    public DbSet<StoredProduct> Products => Set<StoredProduct>();

    public DbSet<PaidOrder> Orders => Set<PaidOrder>();

    public DbSet<PaidOrderLine> OrderLines => Set<PaidOrderLine>();

    public DbSet<OrderCancellation> Cancellations => Set<OrderCancellation>();

    public DbSet<ProductView> Views => Set<ProductView>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();

        modelBuilder.Entity<StoredProduct>(e =>
        {
            e.ToTable("products");
            e.Property(p => p.Name).HasMaxLength(300);
            e.Property(p => p.Category).HasMaxLength(200);
            e.Property(p => p.Price).HasPrecision(18, 2);
        });

        modelBuilder.Entity<PaidOrder>(e =>
        {
            e.ToTable("paid_orders");
            e.Property(o => o.CustomerId).HasMaxLength(100);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.Total).HasPrecision(18, 2);
            e.HasIndex(o => new { o.CustomerId, o.PaidAt });
            e.HasIndex(o => o.PaidAt);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        });

        modelBuilder.Entity<PaidOrderLine>(e =>
        {
            e.ToTable("paid_order_lines");
            e.HasKey(l => new { l.OrderId, l.LineNumber });
            e.Property(l => l.UnitPrice).HasPrecision(18, 2);
            e.HasIndex(l => l.ProductId);
        });

        modelBuilder.Entity<OrderCancellation>(e =>
        {
            e.ToTable("order_cancellations");
            e.HasKey(c => c.OrderId);
            e.Property(c => c.CustomerId).HasMaxLength(100);
            e.Property(c => c.Reason).HasMaxLength(500);
        });

        modelBuilder.Entity<ProductView>(e =>
        {
            e.ToTable("product_views");
            e.Property(v => v.VisitorId).HasMaxLength(64);
            e.HasIndex(v => new { v.VisitorId, v.ProductId, v.Hour }).IsUnique();
            e.HasIndex(v => new { v.VisitorId, v.ViewedAt });
        });

        modelBuilder.Entity<ModelVersion>(e =>
        {
            e.ToTable("model_versions");
            e.Property(m => m.Kind).HasMaxLength(20);
            e.Property(m => m.Algorithm).HasMaxLength(50);
            e.Property(m => m.Metrics).HasColumnType("jsonb");
            e.Property(m => m.Status).HasMaxLength(20);
            e.Property(m => m.Error).HasMaxLength(2000);
            e.Property(m => m.DataSize).HasColumnType("jsonb");
            e.Property(m => m.InputProfile).HasColumnType("jsonb");
            e.HasIndex(m => new { m.Kind, m.Version }).IsUnique();
        });
    }
}
