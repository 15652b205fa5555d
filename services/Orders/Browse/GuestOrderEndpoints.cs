using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Orders.Browse;

/// <summary>
/// A guest's order by its link (<c>GET /api/orders/guest/{orderId}</c>): anyone holding the order's access token
/// (<c>X-Order-Access</c> header or <c>access</c> query) sees what a customer sees of their own order. A missing,
/// wrong, edited, other-order or expired token is 404, the same as an order that does not exist. <c>Prefer: wait=N</c>
/// waits for an order still being placed, as a customer's read does (<see cref="OrderWait"/>).
/// </summary>
public static class GuestOrderEndpoints
{
    public static IEndpointRouteBuilder MapGuestOrders(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders/guest").WithTags("Orders").AllowAnonymous()
            .MapGet("/{orderId:guid}", GetGuestOrder);
        return routes;
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetGuestOrder(
        Guid orderId, HttpContext context, OrderAccessTokens access, OrdersDbContext db, OrderChanges changes, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!access.Verify(orderId, OrderAccessTokens.From(context.Request)))
        {
            return TypedResults.NotFound();
        }

        var order = await OrderWait.ViewAsync(context, db, changes, clock, orderId, db.Orders.Where(o => o.Id == orderId), cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderDetail.From(order));
    }
}
