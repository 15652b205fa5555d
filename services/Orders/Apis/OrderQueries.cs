using ECommerce.Orders.Model;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Apis;

/// <summary>Newest-first keyset paging shared by "my orders" and the admin search.</summary>
public static class OrderQueries
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Validates <c>limit</c> and <c>after</c>, naming the parameter that is wrong.</summary>
    public static bool TryReadPaging(int? limit, string? after, Dictionary<string, string[]> errors, out int size, out (DateTimeOffset CreatedAt, Guid Id)? position)
    {
        size = limit ?? DefaultPageSize;
        position = null;
        if (size is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"The page size must be between 1 and {MaxPageSize}."];
        }

        if (after is not null)
        {
            if (Cursor.TryDecode(after, out var decoded))
            {
                position = decoded;
            }
            else
            {
                errors["after"] = ["The cursor is not one this API returned."];
            }
        }

        return errors.Count == 0;
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
        var next = rows.Count > size ? Cursor.Encode(rows[size - 1].CreatedAt, rows[size - 1].Id) : null;
        return new Page<T>([.. rows.Take(size).Select(project)], next);
    }
}
