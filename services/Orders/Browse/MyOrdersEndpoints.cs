using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Browse;

/// <summary>A customer's own orders: list, detail and cancel. The customer is always the token's <c>sub</c>.</summary>
public static class MyOrdersEndpoints
{
    public static IEndpointRouteBuilder MapMyOrders(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        orders.MapGet("", ListMyOrders);
        orders.MapGet("/{id:guid}", GetMyOrder);
        orders.MapPost("/{id:guid}/cancel", CancelMyOrder);
        return routes;
    }

    private static async Task<Results<Ok<Page<OrderSummary>>, ValidationProblem>> ListMyOrders(
        int? limit, string? cursor, HttpContext context, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (size, position) = OrderPages.Read(limit, cursor, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var customerId = context.User.UserId();
        return TypedResults.Ok(await OrderPages.PageAsync(db.Orders.Where(o => o.CustomerId == customerId), size, position,
            o => new OrderSummary(o.Id, o.Number, o.Status, o.CreatedAt, o.Items.Sum(i => i.Quantity), o.Total, o.Currency), cancellationToken));
    }

    /// <summary>
    /// Another customer's order is "not found": its existence is not revealed. With <c>Prefer: wait=N</c>, an order still
    /// being placed is answered once it has moved on (<see cref="OrderWait"/>).
    /// </summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetMyOrder(
        Guid id, HttpContext context, OrdersDbContext db, OrderChanges changes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var customerId = context.User.UserId();
        var order = await OrderWait.ViewAsync(context, db, changes, clock, id, db.Orders.Where(o => o.Id == id && o.CustomerId == customerId), cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderDetail.From(order));
    }

    /// <summary>The shopper's cancel, allowed until the order ships; OrderCancelled then releases the stock and refunds a paid order.</summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> CancelMyOrder(
        Guid id, [FromBody] CancelOrderRequest? request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > 500 })
        {
            return ValidationErrors.Problem("reason", "At most 500 characters.");
        }

        var customerId = context.User.UserId();
        if (await db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == id && o.CustomerId == customerId), cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var status = order.Status;
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "cancelled by the customer" : request.Reason.Trim();
        if (!order.Apply(OrderTrigger.CustomerCancel, "customer", reason, clock.GetUtcNow()).Moved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"An order that is {status} cannot take '{OrderTrigger.CustomerCancel}'.",
                detail: $"Allowed from: {string.Join(", ", OrderStateMachine.AllowedFrom(OrderTrigger.CustomerCancel))}.");
        }

        // An event or the timeout sweep may have moved the order meanwhile; the shopper can look again and retry.
        return await db.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(OrderDetail.From(order))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order changed while this request was handled.", detail: "Reload the order and try again.");
    }
}
