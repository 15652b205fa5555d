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
    /// <summary>How often the unsent backlog is measured for the <c>ecommerce.outbox.*</c> gauges.</summary>
    private static readonly TimeSpan BacklogSampleInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSample = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextSample)
                {
                    nextSample = DateTimeOffset.UtcNow + BacklogSampleInterval;
                    await SampleBacklogAsync(stoppingToken);
                }

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

    /// <summary>Measures what is written and not yet sent: a growing age means the dispatcher or the broker is behind.</summary>
    public async Task SampleBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var backlog = await db.Database.SqlQuery<OutboxBacklog>($"""
            SELECT count(*)::bigint AS "Pending",
                   COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8 AS "AgeSeconds"
            FROM outbox WHERE sent_at IS NULL
            """).SingleAsync(cancellationToken);
        MessagingMetrics.RecordOutbox(options.Value.Subscription, backlog.Pending, backlog.AgeSeconds);
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
                var sends = topic.Select(m =>
                {
                    var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(m.Headers) ?? [];
                    var span = MessageTracing.StartPublish(topic.Key, m.Id, m.Type, m.Body, headers, options.Value.Transport ?? "");
                    return (Message: new TransportMessage(m.Id, m.Type, m.Body, headers, m.OccurredAt), Span: span);
                }).ToList();
                try
                {
                    await transport.PublishAsync(topic.Key, [.. sends.Select(s => s.Message)], ct);
                }
                catch (Exception e)
                {
                    sends.ForEach(s => MessageTracing.Stop(s.Span, e));
                    throw;
                }

                sends.ForEach(s => MessageTracing.Stop(s.Span));
                MessagingMetrics.Published.Add(sends.Count, new KeyValuePair<string, object?>("messaging.destination.name", topic.Key));
            }

            await db.Database.ExecuteSqlAsync(OutboxSentMark.Statement(batch.Select(m => m.Id).ToList()), ct);
            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);
    }
}

/// <summary>One row of the backlog query.</summary>
internal sealed class OutboxBacklog
{
    public long Pending { get; set; }

    public double AgeSeconds { get; set; }
}
