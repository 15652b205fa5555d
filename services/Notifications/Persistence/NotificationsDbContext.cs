using ECommerce.Messaging;
using ECommerce.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Notifications.Persistence;

/// <summary>The <c>notificationsdb</c> database: the mail queue (also the message log), contacts, outbox and inbox.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<QueuedMail> Mails => Set<QueuedMail>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QueuedMail>(mail =>
        {
            mail.ToTable("mail_queue");
            mail.HasKey(m => m.Key);
            mail.Property(m => m.Key).HasMaxLength(QueuedMail.MaxKeyLength);
            mail.Property(m => m.Template).HasMaxLength(40);
            mail.Property(m => m.CustomerId).HasMaxLength(200);
            mail.Property(m => m.Recipient).HasMaxLength(320);
            mail.Property(m => m.Language).HasMaxLength(35);
            mail.Property(m => m.Data).HasColumnType("jsonb");
            mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
            mail.Property(m => m.Subject).HasMaxLength(300);
            mail.Property(m => m.LastError).HasMaxLength(1000);
            // The sender's scan: what is due next.
            mail.HasIndex(m => m.NextAttemptAt, "mail_queue_due").HasFilter("status = 'Queued'");
            // The back office's message log: a customer's mails, newest first.
            mail.HasIndex(m => new { m.CustomerId, m.CreatedAt }, "mail_queue_by_customer");
        });

        modelBuilder.Entity<Contact>(contact =>
        {
            contact.ToTable("contacts");
            contact.HasKey(c => c.UserId);
            contact.Property(c => c.UserId).HasMaxLength(200);
            contact.Property(c => c.Email).HasMaxLength(320);
            contact.Property(c => c.DisplayName).HasMaxLength(200);
            contact.Property(c => c.Language).HasMaxLength(35);
        });

        modelBuilder.Entity<WebhookEndpoint>(endpoint =>
        {
            endpoint.ToTable("webhook_endpoints");
            endpoint.HasKey(e => e.Id);
            endpoint.Property(e => e.Url).HasMaxLength(2000);
            endpoint.Property(e => e.Secret).HasMaxLength(100);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(100);
            delivery.Property(d => d.Payload).HasColumnType("jsonb");
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            // One delivery per event and endpoint, however often the event arrives.
            delivery.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
            delivery.HasIndex(d => d.NextAttemptAt, "webhook_deliveries_due").HasFilter("status = 'Pending'");
            delivery.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.UseSnakeCaseNames();
    }
}
