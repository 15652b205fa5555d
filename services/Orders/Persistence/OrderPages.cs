using ECommerce.Orders.Domain;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Persistence;

/// <summary>Newest-first keyset paging shared by "my orders" and the admin search (query <c>limit</c> and <c>cursor</c>, the <see cref="Page{T}"/> contract).</summary>
public static class OrderPages
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>, recording an error under the parameter that is wrong.</summary>
    public static (int Size, (DateTimeOffset CreatedAt, Guid Id)? After) Read(int? limit, string? cursor, ValidationErrors errors)
    {
        var size = limit ?? DefaultPageSize;
        errors.Check(size is >= 1 and <= MaxPageSize, "limit", $"The page size must be between 1 and {MaxPageSize}.");
        if (cursor is null)
        {
            return (size, null);
        }

        if (OrderCursor.TryDecode(cursor, out var position))
        {
            return (size, position);
        }

        errors.Add("cursor", "The cursor is not one this API returned.");
        return (size, null);
    }

    public static async Task<Page<T>> PageAsync<T>(
        IQueryable<Order> orders, int size, (DateTimeOffset CreatedAt, Guid Id)? after, Func<Order, T> project, CancellationToken cancellationToken)
    {
        if (after is { } position)
        {
            // A row-value comparison, (created_at, id) < (@t, @id), which the (…, created_at, id) indexes answer directly.
            orders = orders.Where(o => EF.Functions.LessThan(ValueTuple.Create(o.CreatedAt, o.Id), ValueTuple.Create(position.CreatedAt, position.Id)));
        }

        var rows = await orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Include(o => o.Items).AsSplitQuery().AsNoTracking().Take(size + 1).ToListAsync(cancellationToken);
        var next = rows.Count > size ? OrderCursor.Encode(rows[size - 1].CreatedAt, rows[size - 1].Id) : null;
        return new Page<T>([.. rows.Take(size).Select(project)], next);
    }
}
