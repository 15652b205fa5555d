using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ECommerce.Messaging;

/// <summary>
/// EF Core interceptor base for acting once what a save wrote is durable: <see cref="Collect"/> notes what a save is
/// about to change, and <see cref="Committed"/> gets it after the save commits, or, when the save ran inside a
/// transaction, after that transaction commits. A rollback, or a save that failed outside a transaction, drops it.
/// The outbox uses it to wake its dispatcher, Orders to wake the requests waiting on an order.
/// </summary>
/// <typeparam name="TPending">What a context owes its observers until its changes commit.</typeparam>
public abstract class AfterCommitInterceptor<TPending> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TPending : class
{
    /// <summary>What each context saved in a transaction that has not committed yet.</summary>
    private readonly ConditionalWeakTable<DbContext, TPending> _uncommitted = [];

    /// <summary>
    /// What this save changes, added to what the context already owes (<paramref name="owed"/>, null when nothing);
    /// null when there is still nothing to act on.
    /// </summary>
    protected abstract TPending? Collect(DbContext context, TPending? owed);

    /// <summary>Acts on what committed. Called on the thread that committed, so it must be quick and must not throw.</summary>
    protected abstract void Committed(TPending committed);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Commit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Commit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    private void Saving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var owed = _uncommitted.TryGetValue(context, out var pending) ? pending : null;
        if (Collect(context, owed) is { } collected && !ReferenceEquals(collected, owed))
        {
            _uncommitted.AddOrUpdate(context, collected);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Commit(context);
        }
    }

    /// <summary>A save that failed outside a transaction wrote nothing; inside one, the rollback (or a later commit) decides.</summary>
    private void Failed(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Drop(context);
        }
    }

    private void Commit(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var committed))
        {
            _uncommitted.Remove(context);
            Committed(committed);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }
}
