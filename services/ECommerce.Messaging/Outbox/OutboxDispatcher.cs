using System.Text.Json;
using ECommerce.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Messaging.Outbox;

/// <summary>
/// Sends pending outbox rows in batches and marks them sent, inside one transaction that holds the rows with
/// <c>FOR UPDATE SKIP LOCKED</c>: two instances of a service never send the same row at once, and a crash after the
/// send but before the commit only sends it again (the consumer's inbox absorbs the duplicate).
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IMessageTransport transport,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
                if (sent < options.Value.OutboxBatchSize)
                {
                    await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Broker or database unavailable: the rows stay pending and are sent when both are back.
                logger.LogWarning(e, "Outbox dispatch failed; retrying");
                await Task.Delay(options.Value.OutboxPollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends one batch; returns how many rows were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY occurred_at LIMIT {options.Value.OutboxBatchSize} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return 0;
            }

            foreach (var topic in batch.GroupBy(m => m.Topic))
            {
                var messages = topic.Select(m => new TransportMessage(m.Id, m.Type, m.Body,
                    JsonSerializer.Deserialize<Dictionary<string, string>>(m.Headers) ?? [], m.OccurredAt)).ToList();
                await transport.PublishAsync(topic.Key, messages, ct);
                MessagingMetrics.Published.Add(messages.Count, new KeyValuePair<string, object?>("topic", topic.Key));
            }

            var ids = batch.Select(m => m.Id).ToArray();
            await db.Database.ExecuteSqlAsync($"UPDATE outbox SET sent_at = now() WHERE id = ANY({ids})", ct);
            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);
    }
}
