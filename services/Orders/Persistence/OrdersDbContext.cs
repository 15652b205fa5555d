using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Persistence;

/// <summary>The orders database: orders, their lines, status history, shipments and returns, carts, and the messaging outbox and inbox.</summary>
public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options) : DbContext(options), IOwesIntegrationEvents
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderStatusChange> StatusHistory => Set<OrderStatusChange>();

    public DbSet<OrderReturn> Returns => Set<OrderReturn>();

    public DbSet<CartRecord> Carts => Set<CartRecord>();

    public DbSet<ShippingMethod> ShippingMethods => Set<ShippingMethod>();

    public DbSet<Promotion> Promotions => Set<Promotion>();

    public DbSet<PromotionRedemption> PromotionRedemptions => Set<PromotionRedemption>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The order number comes from a sequence when the row is inserted (EF reads it back with RETURNING), so
        // concurrent checkouts can never share one; the unique index says so to anyone writing rows by hand.
        modelBuilder.HasSequence<long>(OrderNumber.Sequence).StartsAt(OrderNumber.First).HasMax(OrderNumber.Last);
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.Number).HasDefaultValueSql($"nextval('{OrderNumber.Sequence}')").ValueGeneratedOnAdd();
            order.HasIndex(o => o.Number).IsUnique();
            order.Property(o => o.CustomerId).HasMaxLength(200).IsRequired();
            order.Property(o => o.GuestEmail).HasMaxLength(254);
            order.Property(o => o.IdempotencyKey).HasMaxLength(100).IsRequired();
            order.Property(o => o.RequestHash).HasMaxLength(64).IsRequired();
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.Currency).HasMaxLength(3);
            order.Property(o => o.PaymentMethod).HasMaxLength(100);
            order.Property(o => o.TrackingNumber).HasMaxLength(100);
            order.Property(o => o.CancellationReason).HasMaxLength(500);
            order.Property(o => o.DiscountCode).HasMaxLength(40);
            order.Property(o => o.ShippingMethodCode).HasMaxLength(40);
            order.Property(o => o.ShippingMethodName).HasMaxLength(100);
            order.Property(o => o.QuoteFingerprint).HasMaxLength(64);
            order.Property(o => o.Taxes).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<OrderTaxLine>>(), JsonColumn.Comparer<List<OrderTaxLine>>());
            foreach (var amount in new[] { nameof(Order.Subtotal), nameof(Order.Discount), nameof(Order.Shipping), nameof(Order.Tax), nameof(Order.Total) })
            {
                order.Property(amount).HasPrecision(18, Currencies.MaxExponent);
            }

            // PostgreSQL's system column xmin is the row version (the name is the server's, so it is set explicitly).
            order.Property(o => o.Version).IsRowVersion().HasColumnName("xmin");
            order.OwnsOne(o => o.ShippingAddress, address =>
            {
                // The address shares the orders row, so its key is the order's own id column.
                address.Property<Guid>("OrderId").HasColumnName("id");
                foreach (var property in address.OwnedEntityType.GetProperties().Where(p => !p.IsShadowProperty()))
                {
                    property.SetColumnName("ship_" + SnakeCaseNames.ToSnakeCase(property.Name));
                }
            });
            // One order per (customer, key) whatever the concurrency: the database, not a check-then-insert, decides.
            order.HasIndex(o => new { o.CustomerId, o.IdempotencyKey }).IsUnique();
            // "My orders" and the admin search page by (created_at, id) descending.
            order.HasIndex(o => new { o.CustomerId, o.CreatedAt, o.Id });
            order.HasIndex(o => new { o.CreatedAt, o.Id });
            // The timeout sweep looks only at orders still waiting on another service.
            order.HasIndex(o => new { o.Status, o.StatusChangedAt }).HasFilter("status IN ('Pending', 'StockReserved', 'AwaitingPayment')");
            // Risk at checkout and the back office's review of held orders; the review queue reads held orders oldest first.
            order.Property(o => o.RiskReasons).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
            order.Property(o => o.RiskSource).HasMaxLength(20);
            order.Property(o => o.ReviewDecision).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.ReviewedBy).HasMaxLength(250);
            order.Property(o => o.ReviewNote).HasMaxLength(500);
            order.HasIndex(o => o.StatusChangedAt, "ix_orders_review_queue").HasFilter("status = 'HeldForReview'");
            order.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.Shipments).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
            order.HasMany(o => o.Returns).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Shipment>(shipment =>
        {
            shipment.ToTable("order_shipments");
            shipment.HasKey(s => s.Id);
            shipment.Property(s => s.Id).ValueGeneratedNever();
            shipment.Property(s => s.Carrier).HasMaxLength(40);
            shipment.Property(s => s.TrackingNumber).HasMaxLength(100);
            shipment.Property(s => s.TrackingUrl).HasMaxLength(300);
            shipment.Property(s => s.Lines).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<ShipmentLine>>(), JsonColumn.Comparer<List<ShipmentLine>>());
        });

        modelBuilder.Entity<OrderReturn>(@return =>
        {
            @return.ToTable("order_returns");
            @return.HasKey(r => r.Id);
            @return.Property(r => r.Id).ValueGeneratedNever();
            @return.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            @return.Property(r => r.Note).HasMaxLength(500);
            @return.Property(r => r.RejectionReason).HasMaxLength(500);
            @return.Property(r => r.Lines).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<ReturnItem>>(), JsonColumn.Comparer<List<ReturnItem>>());
            @return.Ignore(r => r.Holds);
            // The back office's queue reads returns by status, oldest first.
            @return.HasIndex(r => new { r.Status, r.RequestedAt });
        });

        modelBuilder.Entity<OrderItem>(item =>
        {
            item.ToTable("order_items");
            item.Property(i => i.Sku).HasMaxLength(100);
            item.Property(i => i.Name).HasMaxLength(300);
            item.Property(i => i.VariantLabel).HasMaxLength(130);
            item.Property(i => i.UnitPrice).HasPrecision(18, Currencies.MaxExponent);
            item.Property(i => i.Discount).HasPrecision(18, Currencies.MaxExponent);
            item.Property(i => i.Tax).HasPrecision(18, Currencies.MaxExponent);
            item.Property(i => i.TaxRate).HasPrecision(6, 5);
            item.Property(i => i.TaxClass).HasMaxLength(16);
            item.Ignore(i => i.LineTotal);
        });

        modelBuilder.Entity<OrderStatusChange>(change =>
        {
            change.ToTable("order_status_history");
            change.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            change.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            change.Property(h => h.Trigger).HasMaxLength(40);
            change.Property(h => h.Actor).HasMaxLength(120);
            change.Property(h => h.Reason).HasMaxLength(500);
            change.HasIndex(h => new { h.OrderId, h.At });
        });

        modelBuilder.Entity<CartRecord>(cart =>
        {
            cart.ToTable("carts");
            cart.HasKey(c => c.OwnerKey);
            // "cart:customer:" plus a subject of up to 200 characters.
            cart.Property(c => c.OwnerKey).HasMaxLength(250);
            cart.Property(c => c.Lines).HasColumnType("jsonb").IsRequired();
            // The cleanup deletes by expiry.
            cart.HasIndex(c => c.ExpiresAt);
        });

        modelBuilder.Entity<ShippingMethod>(method =>
        {
            method.ToTable("shipping_methods");
            method.HasKey(m => m.Code);
            method.Property(m => m.Code).HasMaxLength(40);
            method.Property(m => m.Name).HasMaxLength(100);
            method.Property(m => m.Zone).HasMaxLength(100);
            method.Property(m => m.RateKind).HasConversion<string>().HasMaxLength(20);
            method.Property(m => m.FlatFee).HasPrecision(18, Currencies.MaxExponent);
            method.Property(m => m.FreeOver).HasPrecision(18, Currencies.MaxExponent);
            method.Property(m => m.Bands).HasColumnType("jsonb").HasConversion(JsonColumn.Converter<List<ShippingBand>>(), JsonColumn.Comparer<List<ShippingBand>>());
            method.Property(m => m.Version).IsRowVersion().HasColumnName("xmin");
        });

        modelBuilder.Entity<Promotion>(promotion =>
        {
            promotion.ToTable("promotions");
            promotion.HasKey(p => p.Code);
            promotion.Property(p => p.Code).HasMaxLength(40);
            promotion.Property(p => p.Description).HasMaxLength(200);
            promotion.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            promotion.Property(p => p.Value).HasPrecision(18, Currencies.MaxExponent);
            promotion.Property(p => p.MinimumSpend).HasPrecision(18, Currencies.MaxExponent);
            promotion.Property(p => p.Version).IsRowVersion().HasColumnName("xmin");
        });

        modelBuilder.Entity<PromotionRedemption>(redemption =>
        {
            redemption.ToTable("promotion_redemptions");
            redemption.Property(r => r.PromotionCode).HasMaxLength(40);
            redemption.Property(r => r.CustomerId).HasMaxLength(200);
            // An order redeems at most one promotion, once; a customer's uses are counted by (code, customer).
            redemption.HasIndex(r => r.OrderId).IsUnique();
            redemption.HasIndex(r => new { r.PromotionCode, r.CustomerId });
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TakeOwedEvents();
        var moves = AddedMoves();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        OrdersMetrics.Record(moves);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TakeOwedEvents();
        var moves = AddedMoves();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        OrdersMetrics.Record(moves);
        return saved;
    }

    private List<OrderStatusChange> AddedMoves() =>
        [.. ChangeTracker.Entries<OrderStatusChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    /// <summary>Moves the events the tracked orders' moves owe into the outbox, so they commit with the moves.</summary>
    public void TakeOwedEvents()
    {
        foreach (var order in ChangeTracker.Entries<Order>().Select(e => e.Entity).ToList())
        {
            foreach (var @event in order.TakeOwedEvents())
            {
                this.AddIntegrationEvent(@event);
            }
        }
    }
}
