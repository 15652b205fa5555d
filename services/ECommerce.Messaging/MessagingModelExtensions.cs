using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's own DbContext, (events are written with <see cref="OutboxPublishing.AddIntegrationEvent"/>).</summary>
public static class MessagingModelExtensions
{
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id");
            outbox.Property(m => m.Topic).HasColumnName("topic").IsRequired();
            outbox.Property(m => m.Type).HasColumnName("type").IsRequired();
            outbox.Property(m => m.Body).HasColumnName("body").IsRequired();
            outbox.Property(m => m.Headers).HasColumnName("headers").HasColumnType("jsonb").IsRequired();
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            // The dispatcher reads pending rows in order; a partial index keeps that cheap however many were sent.
            outbox.HasIndex(m => m.OccurredAt).HasDatabaseName("outbox_pending").HasFilter("sent_at IS NULL");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasKey(m => new { m.MessageId, m.Handler });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Handler).HasColumnName("handler");
            inbox.Property(m => m.HandledAt).HasColumnName("handled_at");
        });

        return modelBuilder;
    }
}
