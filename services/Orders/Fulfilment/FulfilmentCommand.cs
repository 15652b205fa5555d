using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Orders.Fulfilment;

/// <summary>
/// One shipment or return command: the order loaded for change, the domain's answer turned into 400 (naming the field)
/// or 409, and the change saved with its events (409 if another command changed the order meanwhile).
/// </summary>
internal static class FulfilmentCommand
{
    public static Task<Order?> FindAsync(OrdersDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == id), cancellationToken);

    public static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        OrdersDbContext db, Order order, FulfilmentError? error, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            return Refusal(error);
        }

        return await db.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(OrderDetail.From(order))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The order changed while this request was handled.", detail: "Reload the order and try again.");
    }

    public static Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult> Refusal(FulfilmentError error) => error.Conflict
        ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: error.Message, detail: error.Message)
        : ValidationErrors.Problem(error.Field, error.Message);

    public static string Admin(HttpContext context) => $"admin:{context.User.FindUserId()}";
}
