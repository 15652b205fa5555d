using System.Data;
using ECommerce.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Persistence;

/// <summary>Reads and writes that more than one use case needs.</summary>
public static class OrderLoading
{
    /// <summary>An order with what <see cref="Order.Apply"/> and <see cref="OrderDetail"/> need: its lines, history, shipments and returns.</summary>
    public static IQueryable<Order> WithDetails(this IQueryable<Order> orders) =>
        orders.Include(o => o.Items).Include(o => o.History).Include(o => o.Shipments).Include(o => o.Returns).AsSplitQuery();

    /// <summary>
    /// The one order <paramref name="orders"/> selects, with its details, read as one snapshot for a view: the split
    /// queries run in one REPEATABLE READ transaction, so the history, shipments and returns are those of the same
    /// moment. Read one by one, a refund committed between them showed a return refunded without its history entry.
    /// </summary>
    public static async Task<Order?> ViewWithDetailsAsync(this OrdersDbContext db, IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await orders.AsNoTracking().WithDetails().SingleOrDefaultAsync(cancellationToken);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var order = await orders.AsNoTracking().WithDetails().SingleOrDefaultAsync(ct);
            await transaction.CommitAsync(ct);
            return order;
        }, cancellationToken);
    }

    /// <summary>Saves a person's change to an order; false when an event or the timeout sweep moved the order meanwhile (its row version changed).</summary>
    public static async Task<bool> TrySaveAsync(this OrdersDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Deletes an owner's cart; inside a caller's transaction (the inbox's) it commits or rolls back with it.</summary>
    public static Task DeleteCartAsync(this OrdersDbContext db, CartOwner owner, CancellationToken cancellationToken = default) =>
        db.Carts.Where(c => c.OwnerKey == owner.Key).ExecuteDeleteAsync(cancellationToken);
}
