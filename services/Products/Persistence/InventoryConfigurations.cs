using ECommerce.Products.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ECommerce.Products.Persistence;

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> stock)
    {
        stock.ToTable("stock", t =>
        {
            // The last line of defence against overselling: the database refuses a negative count.
            t.HasCheckConstraint("CK_stock_available_not_negative", "\"Available\" >= 0");
            t.HasCheckConstraint("CK_stock_reserved_not_negative", "\"Reserved\" >= 0");
        });
        stock.HasKey(s => s.ProductId);
        stock.HasIndex(s => s.Sold);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> reservation)
    {
        reservation.ToTable("reservations");
        reservation.HasIndex(r => r.OrderId).IsUnique();
        reservation.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // The expiry sweep looks only at open reservations.
        reservation.HasIndex(r => r.ExpiresAt).HasFilter("\"Status\" = 'Reserved'");
        reservation.OwnsMany(r => r.Lines, line =>
        {
            line.ToTable("reservation_lines");
            line.WithOwner().HasForeignKey(l => l.ReservationId);
            line.HasKey(l => new { l.ReservationId, l.ProductId });
        });
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.ToTable("stock_adjustments");
        adjustment.Property(a => a.Reason).HasMaxLength(200);
        adjustment.Property(a => a.Actor).HasMaxLength(100);
        adjustment.HasIndex(a => new { a.ProductId, a.At });
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> movement)
    {
        movement.ToTable("stock_movements");
        movement.HasKey(m => m.Id);
        movement.Property(m => m.Id).ValueGeneratedNever();
        movement.Property(m => m.Kind).HasMaxLength(16);
        movement.HasIndex(m => m.OrderId);
    }
}
