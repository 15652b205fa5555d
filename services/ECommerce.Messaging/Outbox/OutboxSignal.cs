using Microsoft.EntityFrameworkCore;

namespace ECommerce.Messaging.Outbox;

/// <summary>Wakes the dispatcher when a SaveChanges or a transaction commit may have made outbox rows visible.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// EF Core interceptor: wakes the dispatcher when outbox rows become visible — after a save that added some, or, when
/// the save ran inside a transaction, after that transaction commits. A save or commit that wrote no event (a cart
/// change, an inbox batch whose handlers published nothing) does not wake it: a wake-up with nothing to send still
/// costs the dispatcher a transaction.
/// </summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : AfterCommitInterceptor<object>
{
    private static readonly object RowsAdded = new();

    protected override object? Collect(DbContext context, object? owed) =>
        owed ?? (context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added) ? RowsAdded : null);

    protected override void Committed(object committed) => signal.Notify();
}
