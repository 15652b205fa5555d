using ECommerce.Messaging;
using ECommerce.Payments.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Persistence;

/// <summary>The payments database: one payment per order, its append-only ledger, processed webhooks, outbox and inbox.</summary>
public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();

    /// <summary>Loads an order's payment and locks its row until the transaction ends, so concurrent chargers and refunders queue up.</summary>
    public async Task<Payment?> LockPaymentAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await Payments.FromSql($"SELECT * FROM payments WHERE order_id = {orderId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<Payment?> LockPaymentByProviderIdAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        (await Payments.FromSql($"SELECT * FROM payments WHERE provider_payment_id = {providerPaymentId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payments", t => t.HasCheckConstraint("ck_payments_totals_reconcile",
                "captured_minor >= 0 AND refunded_minor >= 0 AND refunded_minor <= captured_minor"));
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).HasColumnName("id");
            payment.Property(p => p.OrderId).HasColumnName("order_id");
            // One payment per order: the first guard against charging an order twice.
            payment.HasIndex(p => p.OrderId).IsUnique().HasDatabaseName("ux_payments_order_id");
            payment.HasIndex(p => p.ProviderPaymentId).HasDatabaseName("ix_payments_provider_payment_id");
            payment.HasIndex(p => p.CustomerId).HasDatabaseName("ix_payments_customer_id");
            payment.Property(p => p.CustomerId).HasColumnName("customer_id").IsRequired();
            payment.Property(p => p.AmountMinor).HasColumnName("amount_minor");
            payment.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3).IsRequired();
            payment.Property(p => p.PaymentMethod).HasColumnName("payment_method").IsRequired();
            payment.Property(p => p.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            payment.Property(p => p.Provider).HasColumnName("provider");
            payment.Property(p => p.HoldForReview).HasColumnName("hold_for_review");
            payment.Property(p => p.ProviderPaymentId).HasColumnName("provider_payment_id");
            payment.Property(p => p.FailureReason).HasColumnName("failure_reason");
            payment.Property(p => p.Attempt).HasColumnName("attempt").HasDefaultValue(1);
            payment.Property(p => p.ClientSecret).HasColumnName("client_secret").HasMaxLength(200);
            payment.Property(p => p.CapturedMinor).HasColumnName("captured_minor");
            payment.Property(p => p.RefundedMinor).HasColumnName("refunded_minor");
            payment.Property(p => p.CreatedAt).HasColumnName("created_at");
            payment.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            payment.Ignore(p => p.Refundable);
            payment.HasMany(p => p.Ledger).WithOne().HasForeignKey(e => e.PaymentId);
        });

        modelBuilder.Entity<LedgerEntry>(entry =>
        {
            entry.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_amount_positive", "amount_minor >= 0"));
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            entry.Property(e => e.PaymentId).HasColumnName("payment_id");
            entry.Property(e => e.OrderId).HasColumnName("order_id");
            entry.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.AmountMinor).HasColumnName("amount_minor");
            entry.Property(e => e.Currency).HasColumnName("currency").HasMaxLength(3);
            entry.Property(e => e.ProviderReference).HasColumnName("provider_reference");
            entry.Property(e => e.Reason).HasColumnName("reason");
            entry.Property(e => e.IdempotencyKey).HasColumnName("idempotency_key");
            entry.Property(e => e.OccurredAt).HasColumnName("occurred_at");
            entry.HasIndex(e => e.OrderId).HasDatabaseName("ix_ledger_order_id");
            // A payment is authorised, captured or failed at most once: the second guard against a double charge.
            entry.HasIndex(e => new { e.PaymentId, e.Kind }).IsUnique().HasDatabaseName("ux_ledger_once_per_payment")
                .HasFilter("kind <> 'Refunded'");
            entry.HasIndex(e => e.IdempotencyKey).IsUnique().HasDatabaseName("ux_ledger_idempotency_key")
                .HasFilter("idempotency_key IS NOT NULL");
        });

        modelBuilder.Entity<ProcessedWebhookEvent>(processed =>
        {
            processed.ToTable("processed_webhook_events");
            processed.HasKey(e => e.EventId);
            processed.Property(e => e.EventId).HasColumnName("event_id");
            processed.Property(e => e.Type).HasColumnName("type");
            processed.Property(e => e.ProcessedAt).HasColumnName("processed_at");
        });
    }
}
