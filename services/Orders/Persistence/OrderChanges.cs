using System.Collections.Concurrent;
using ECommerce.Messaging;
using ECommerce.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Persistence;

/// <summary>
/// Tells requests waiting on an order (a shopper's long poll, <c>Prefer: wait</c>) that this process committed a change
/// to it. In-process only: a change another replica commits is found by the waiter's own re-read once a second, so a
/// signal is a shortcut, never the only way a waiter learns of a change.
/// </summary>
public sealed class OrderChanges
{
    /// <summary>Waiters at once across all orders; past this a request is answered at once instead of waiting.</summary>
    public const int MaxWaiters = 2_000;

    private readonly ConcurrentDictionary<Guid, List<Waiter>> _waiters = new();
    private int _count;

    /// <summary>A waiter on <paramref name="orderId"/>, or null when <see cref="MaxWaiters"/> are already waiting. Dispose it.</summary>
    public Waiter? TryWait(Guid orderId)
    {
        if (Interlocked.Increment(ref _count) > MaxWaiters)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }

        var waiter = new Waiter(this, orderId);
        while (true)
        {
            var list = _waiters.GetOrAdd(orderId, _ => []);
            lock (list)
            {
                // The last waiter of an order removes its list; one taken just before that is no longer the order's.
                if (_waiters.TryGetValue(orderId, out var current) && ReferenceEquals(current, list))
                {
                    list.Add(waiter);
                    return waiter;
                }
            }
        }
    }

    /// <summary>Wakes the waiters on each order (after the change committed).</summary>
    public void Committed(IEnumerable<Guid> orderIds)
    {
        foreach (var id in orderIds)
        {
            if (_waiters.TryGetValue(id, out var list))
            {
                lock (list)
                {
                    foreach (var waiter in list)
                    {
                        waiter.Wake();
                    }
                }
            }
        }
    }

    private void Remove(Waiter waiter)
    {
        Interlocked.Decrement(ref _count);
        if (_waiters.TryGetValue(waiter.OrderId, out var list))
        {
            lock (list)
            {
                list.Remove(waiter);
                if (list.Count == 0)
                {
                    _waiters.TryRemove(new KeyValuePair<Guid, List<Waiter>>(waiter.OrderId, list));
                }
            }
        }
    }

    /// <summary>One request waiting on one order: woken once per committed change, however many came since it last looked.</summary>
    public sealed class Waiter(OrderChanges changes, Guid orderId) : IDisposable
    {
        private readonly SemaphoreSlim _signal = new(0, 1);
        private int _disposed;

        public Guid OrderId { get; } = orderId;

        /// <summary>True when a change was signalled, false after <paramref name="timeout"/>.</summary>
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

        internal void Wake()
        {
            if (_signal.CurrentCount == 0)
            {
                try
                {
                    _signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Woken by another commit in the same instant: once is enough.
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                changes.Remove(this);
            }
        }
    }
}

/// <summary>
/// EF Core interceptor: after a save that changed orders commits (the save itself, or the transaction it ran in),
/// wakes their waiters through <see cref="OrderChanges"/>. A rolled-back transaction wakes nobody.
/// </summary>
internal sealed class OrderChangesInterceptor(OrderChanges changes) : AfterCommitInterceptor<HashSet<Guid>>
{
    protected override HashSet<Guid>? Collect(DbContext context, HashSet<Guid>? owed)
    {
        foreach (var entry in context.ChangeTracker.Entries<Order>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (owed ??= []).Add(entry.Entity.Id);
            }
        }

        return owed;
    }

    protected override void Committed(HashSet<Guid> committed) => changes.Committed(committed);
}
