using System.Data;
using ECommerce.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Persistence;

/// <summary>Reads and writes that more than one use case needs.</summary>
public static class OrderLoading
{
    /// <summary>
    /// The one order <paramref name="orders"/> selects, tracked, with what <see cref="Order.Apply"/> and
    /// <see cref="OrderDetail"/> need: its lines, history, shipments and returns. The order, its lines and its history
    /// come in one statement (a row per line and history entry: a handful for an order in its saga, where five split
    /// statements were one round trip each). Shipments and returns are read only for an order that has had any: every
    /// shipment and return command bumps <see cref="Order.FulfilmentRevision"/> (they came with it in one migration), so
    /// at 0 there are none.
    /// </summary>
    public static async Task<Order?> LoadWithDetailsAsync(this OrdersDbContext db, IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        var order = await orders.WithLinesAndHistory().SingleOrDefaultAsync(cancellationToken);
        if (order is { FulfilmentRevision: > 0 })
        {
            await db.Entry(order).Collection(o => o.Shipments).LoadAsync(cancellationToken);
            await db.Entry(order).Collection(o => o.Returns).LoadAsync(cancellationToken);
        }

        return order;
    }

    /// <summary>
    /// The one order <paramref name="orders"/> selects, with its details, read as one snapshot for a view. An order with
    /// nothing shipped or returned is one statement (so one snapshot). Otherwise the split queries run in one REPEATABLE
    /// READ transaction, so the history, shipments and returns are those of the same moment: read one by one, a refund
    /// committed between them showed a return refunded without its history entry.
    /// </summary>
    public static async Task<Order?> ViewWithDetailsAsync(this OrdersDbContext db, IQueryable<Order> orders, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await orders.AsNoTracking().WithAllDetails().SingleOrDefaultAsync(cancellationToken);
        }

        var order = await orders.AsNoTracking().WithLinesAndHistory().SingleOrDefaultAsync(cancellationToken);
        if (order is not { FulfilmentRevision: > 0 })
        {
            return order;
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var whole = await orders.AsNoTracking().WithAllDetails().SingleOrDefaultAsync(ct);
            await transaction.CommitAsync(ct);
            return whole;
        }, cancellationToken);
    }

    private static IQueryable<Order> WithLinesAndHistory(this IQueryable<Order> orders) =>
        orders.Include(o => o.Items).Include(o => o.History).AsSingleQuery();

    private static IQueryable<Order> WithAllDetails(this IQueryable<Order> orders) =>
        orders.Include(o => o.Items).Include(o => o.History).Include(o => o.Shipments).Include(o => o.Returns).AsSplitQuery();

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
