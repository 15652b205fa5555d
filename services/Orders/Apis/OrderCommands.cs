using ECommerce.Orders.Data;
using ECommerce.Orders.Events;
using ECommerce.Orders.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Apis;

/// <summary>A person's command on an order: applied through the workflow, refused with 409 when the status forbids it.</summary>
public static class OrderCommands
{
    public static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        OrdersDbContext db, OrderWorkflow workflow, Order order, OrderTrigger trigger, string actor, string reason, CancellationToken cancellationToken)
    {
        var status = order.Status;
        var outcome = workflow.Apply(order, trigger, actor, reason);
        if (!outcome.Moved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"An order that is {status} cannot take '{trigger}'.",
                detail: $"Allowed from: {string.Join(", ", OrderStateMachine.AllMoves.Where(m => m.Trigger == trigger).Select(m => m.From))}.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An event or the timeout sweep moved the order meanwhile; the caller can look again and retry.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The order changed while this request was handled.", detail: "Reload the order and try again.");
        }

        return TypedResults.Ok(OrderDetail.From(order));
    }
}
