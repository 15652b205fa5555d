using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Orders.Internal;

/// <summary>
/// An order as Notifications writes about it: its number as the customer reads it ("100 245", <see cref="OrderNumber.Format"/>),
/// who to write to (the customer, or a guest's address), the lines, amounts, address and delivery estimate, and a
/// guest's order link token.
/// </summary>
public sealed record OrderForMail(
    Guid Id,
    string Number,
    string CustomerId,
    string? GuestEmail,
    string? GuestAccessToken,
    OrderDetail Order);

/// <summary>
/// <c>GET /internal/orders/{orderId}</c>: for other services calling with their own client-credentials token (role
/// <c>service</c>), never a shopper's; the gateway does not route <c>/internal</c>, and it is not in the OpenAPI document.
/// </summary>
public static class OrderForMailEndpoints
{
    public static IEndpointRouteBuilder MapInternalOrders(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/internal/orders/{orderId:guid}", GetOrder)
            .RequireAuthorization(AuthenticationDefaults.ServicePolicy)
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<Ok<OrderForMail>, NotFound>> GetOrder(
        Guid orderId, OrdersDbContext db, OrderAccessTokens access, CancellationToken cancellationToken)
    {
        var order = await db.ViewWithDetailsAsync(db.Orders.Where(o => o.Id == orderId), cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }

        var guestToken = order.GuestEmail is null ? null : access.Issue(order.Id).Token;
        return TypedResults.Ok(new OrderForMail(order.Id, OrderNumber.Format(order.Number), order.CustomerId, order.GuestEmail, guestToken, OrderDetail.From(order)));
    }
}
