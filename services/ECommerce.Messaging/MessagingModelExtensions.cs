using System.Text.Json;
using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's own DbContext, and writes events into its outbox.</summary>
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

    /// <summary>Adds the event to the outbox; it is committed by the caller's next SaveChanges, with the change that raised it.</summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent @event)
    {
        var message = EventSerializer.Serialize(@event);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = message.MessageId,
            Topic = EventSerializer.TopicOf(@event.GetType()),
            Type = message.Type,
            Body = message.Body,
            Headers = JsonSerializer.Serialize(message.Headers),
            OccurredAt = message.OccurredAt,
        });
    }
}
