using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Orders.Admin;

/// <summary>A back-office command on an order: applied through the state machine, refused with 409 when the status forbids it.</summary>
public static class OrderCommands
{
    public static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        OrdersDbContext db, Order order, OrderTrigger trigger, string actor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = order.Status;
        if (!order.Apply(trigger, actor, reason, now).Moved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"An order that is {status} cannot take '{trigger}'.",
                detail: $"Allowed from: {string.Join(", ", OrderStateMachine.AllowedFrom(trigger))}.");
        }

        // An event or the timeout sweep may have moved the order meanwhile; the caller can look again and retry.
        return await db.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(OrderDetail.From(order))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The order changed while this request was handled.", detail: "Reload the order and try again.");
    }
}
