using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Fulfilment;

/// <summary>Back office: the pick list, every paid order's lines still to ship grouped by SKU, oldest order first. Admins only.</summary>
public static class PickListEndpoints
{
    /// <summary>The list covers at most this many orders (the oldest); the rest appear as those ship.</summary>
    private const int MaxOrders = 500;

    public static IEndpointRouteBuilder MapPickList(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders/admin").WithTags("Orders (admin)").RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .MapGet("/pick-list", GetPickList);
        return routes;
    }

    private static async Task<Ok<PickList>> GetPickList(OrdersDbContext db, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid || o.Status == OrderStatus.PartiallyShipped)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Take(MaxOrders)
            .Include(o => o.Items).Include(o => o.Shipments).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var wanted = orders.SelectMany(o => o.LeftToShip().Select(l => (Order: o, l.Item, l.Quantity))).ToList();
        var lines = wanted.GroupBy(w => w.Item.Sku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PickListLine(g.First().Item.ProductId, g.Key, g.First().Item.Name, g.Sum(w => w.Quantity),
                [.. g.Select(w => new PickListOrder(w.Order.Id, w.Order.Number, w.Order.CreatedAt, w.Quantity))]))
            .ToList();
        return TypedResults.Ok(new PickList(wanted.Select(w => w.Order.Id).Distinct().Count(), lines));
    }
}
