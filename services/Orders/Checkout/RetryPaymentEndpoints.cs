using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Paying again after a decline (<c>POST /api/orders/{id}/payment</c>): the order's owner picks another method while the
/// stock is still held; Payments charges it when it hears OrderPaymentRetried. The customer is always the token's <c>sub</c>;
/// a guest pays again through the order's link (<c>POST /api/orders/guest/{id}/payment</c> with its access token).
/// </summary>
public static class RetryPaymentEndpoints
{
    public static IEndpointRouteBuilder MapRetryPayment(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .MapPost("/{id:guid}/payment", RetryPayment)
            .WithSummary("Pay an order awaiting payment again with another payment method (202: the charge follows)");
        routes.MapGroup("/api/orders/guest").WithTags("Orders").AllowAnonymous()
            .MapPost("/{id:guid}/payment", RetryGuestPayment)
            .WithSummary("A guest pays an order awaiting payment again, by the order link's access token (404 without a valid one)");
        return routes;
    }

    private static Task<Results<Accepted<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RetryPayment(
        Guid id, RetryPaymentRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var customerId = context.User.UserId();
        return RetryAsync(request, db.Orders.Where(o => o.Id == id && o.CustomerId == customerId), "customer", db, clock, cancellationToken);
    }

    private static async Task<Results<Accepted<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RetryGuestPayment(
        Guid id, RetryPaymentRequest request, HttpContext context, OrderAccessTokens access, OrdersDbContext db, TimeProvider clock,
        CancellationToken cancellationToken) =>
        access.Verify(id, OrderAccessTokens.From(context.Request))
            ? await RetryAsync(request, db.Orders.Where(o => o.Id == id), "guest", db, clock, cancellationToken)
            : TypedResults.NotFound();

    private static async Task<Results<Accepted<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RetryAsync(
        RetryPaymentRequest request, IQueryable<Order> ordersOfCaller, string actor, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckoutValidator.ValidatePaymentMethod(request.PaymentMethod, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await db.LoadWithDetailsAsync(ordersOfCaller, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        if (!order.RetryPayment(request.PaymentMethod!, actor, now).Moved)
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
