using ECommerce.Orders.Checkout;
using ECommerce.Orders.Data;
using ECommerce.Orders.Events;
using ECommerce.Orders.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Apis;

/// <summary>A customer's orders: checkout, list, detail and cancel. The customer is always the token's <c>sub</c>.</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization("customer");
        orders.MapPost("", PlaceOrder);
        orders.MapGet("", ListMyOrders);
        orders.MapGet("/{id:guid}", GetMyOrder);
        orders.MapPost("/{id:guid}/cancel", CancelMyOrder);
        return routes;
    }

    private static async Task<Results<Created<OrderDetail>, Ok<OrderDetail>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        CheckoutRequest request,
        [FromHeader(Name = CheckoutValidator.IdempotencyHeader)] string? idempotencyKey,
        HttpContext context,
        CheckoutService checkout,
        IOptions<CartLimits> limits,
        CancellationToken cancellationToken)
    {
        var errors = CheckoutValidator.Validate(idempotencyKey, request, limits.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : "";
        var outcome = await checkout.PlaceAsync(CustomerId(context), idempotencyKey!, request, token, cancellationToken);
        return outcome.Result switch
        {
            CheckoutResult.Created => TypedResults.Created($"/api/orders/{outcome.Order!.Id}", OrderDetail.From(outcome.Order)),
            CheckoutResult.Repeated => TypedResults.Ok(OrderDetail.From(outcome.Order!)),
            CheckoutResult.KeyReused => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was already used for a different request.",
                detail: "Use a new key for a new checkout; repeat a request only with exactly the same body."),
            _ => TypedResults.ValidationProblem(outcome.Errors!),
        };
    }

    private static async Task<Results<Ok<Page<OrderSummary>>, ValidationProblem>> ListMyOrders(
        int? limit, string? after, HttpContext context, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrderQueries.TryReadPaging(limit, after, errors, out var size, out var position))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var customerId = CustomerId(context);
        return TypedResults.Ok(await OrderQueries.PageAsync(db.Orders.Where(o => o.CustomerId == customerId), size, position,
            o => new OrderSummary(o.Id, o.Status, o.CreatedAt, o.Items.Sum(i => i.Quantity), o.Total, o.Currency), cancellationToken));
    }

    /// <summary>Another customer's order is "not found": its existence is not revealed.</summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetMyOrder(Guid id, HttpContext context, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var customerId = CustomerId(context);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Items).Include(o => o.History)
            .SingleOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(OrderDetail.From(order));
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> CancelMyOrder(
        Guid id, [FromBody] CancelOrderRequest? request, HttpContext context, OrderWorkflow workflow, OrdersDbContext db, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters."] });
        }

        if (await workflow.FindAsync(id, cancellationToken) is not { } order || order.CustomerId != CustomerId(context))
        {
            return TypedResults.NotFound();
        }

        return await OrderCommands.ApplyAsync(db, workflow, order, OrderTrigger.CustomerCancel, "customer",
            string.IsNullOrWhiteSpace(request?.Reason) ? "cancelled by the customer" : request.Reason.Trim(), cancellationToken);
    }

    internal static string CustomerId(HttpContext context) =>
        context.User.FindFirst("sub")?.Value ?? throw new InvalidOperationException("The customer policy admits only tokens with a sub.");
}
