using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Paying again after a decline (<c>POST /api/orders/{id}/payment</c>): the order's owner picks another method while the
/// stock is still held; Payments charges it when it hears OrderPaymentRetried. The customer is always the token's <c>sub</c>.
/// </summary>
public static class RetryPaymentEndpoints
{
    public static IEndpointRouteBuilder MapRetryPayment(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .MapPost("/{id:guid}/payment", RetryPayment)
            .WithSummary("Pay an order awaiting payment again with another payment method (202: the charge follows)");
        return routes;
    }

    private static async Task<Results<Accepted<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RetryPayment(
        Guid id, RetryPaymentRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckoutValidator.ValidatePaymentMethod(request.PaymentMethod, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var customerId = context.User.UserId();
        if (await db.Orders.WithDetails().SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        if (!order.RetryPayment(request.PaymentMethod!, "customer", now).Moved)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: RefusalTitle(order, now),
                detail: "Nothing was charged. Reload the order to see where it stands.");
        }

        return await db.TrySaveAsync(cancellationToken)
            ? TypedResults.Accepted($"/api/orders/{order.Id}", OrderDetail.From(order))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order changed while this request was handled.",
                detail: "Nothing was charged. Reload the order and try again.");
    }

    private static string RefusalTitle(Order order, DateTimeOffset now) => order.Status == OrderStatus.AwaitingPayment
        ? $"The hold on this order's items ended at {order.StockHeldUntil:u}; it can no longer be paid."
        : $"An order that is {order.Status} is not waiting for a payment.";
}
