using ECommerce.Orders.Data;
using ECommerce.Orders.Events;
using ECommerce.Orders.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Apis;

/// <summary>Back office: search every order, read any order, cancel one before it ships (refunded if paid), mark orders shipped and delivered. Admins only.</summary>
public static class AdminOrdersApi
{
    public static IEndpointRouteBuilder MapAdminOrdersApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/orders").WithTags("Orders (admin)").RequireAuthorization("admin");
        admin.MapGet("/admin/search", Search);
        admin.MapGet("/admin/{id:guid}", GetOrder);
        admin.MapPost("/admin/{id:guid}/cancel", Cancel);
        admin.MapPost("/{id:guid}/ship", Ship);
        admin.MapPost("/{id:guid}/deliver", Deliver);
        return routes;
    }

    private static async Task<Results<Ok<Page<AdminOrderSummary>>, ValidationProblem>> Search(
        string? status, string? order, string? customerId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? after,
        OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        OrderStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"One of: {string.Join(", ", Enum.GetNames<OrderStatus>())}."];
            }
        }

        Guid? wholeId = null;
        string? number = null;
        if (!string.IsNullOrWhiteSpace(order) && !OrderNumber.TryParse(order, out wholeId, out number))
        {
            errors["order"] = [$"An order number is the {OrderNumber.Length} characters on the order page, or the order's whole id."];
        }

        if (from > to)
        {
            errors["from"] = ["'from' must not be after 'to'."];
        }

        if (!OrderQueries.TryReadPaging(limit, after, errors, out var size, out var position))
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The number is the id's text tail, answered by the index on exactly this expression (migration
        // OrderNumberIndex; the 12 is a literal so the planner can match it). xmin is the concurrency token EF maps.
        var orders = number is null
            ? db.Orders.AsQueryable()
            : db.Orders.FromSql($"SELECT *, xmin FROM orders WHERE right(id::text, 12) = {number}");
        if (wanted is { } s)
        {
            orders = orders.Where(o => o.Status == s);
        }

        if (wholeId is { } id)
        {
            orders = orders.Where(o => o.Id == id);
        }

        if (!string.IsNullOrWhiteSpace(customerId))
        {
            orders = orders.Where(o => o.CustomerId == customerId);
        }

        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            orders = orders.Where(o => o.CreatedAt >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            orders = orders.Where(o => o.CreatedAt < utc);
        }

        return TypedResults.Ok(await OrderQueries.PageAsync(orders, size, position,
            o => new AdminOrderSummary(o.Id, o.CustomerId, o.Status, o.CreatedAt, o.Items.Sum(i => i.Quantity), o.Total, o.Currency), cancellationToken));
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetOrder(Guid id, OrderWorkflow workflow, CancellationToken cancellationToken) =>
        await workflow.FindAsync(id, cancellationToken) is { } order ? TypedResults.Ok(OrderDetail.From(order)) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Ship(
        Guid id, ShipOrderRequest request, HttpContext context, OrderWorkflow workflow, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var tracking = request.TrackingNumber?.Trim();
        if (string.IsNullOrEmpty(tracking) || tracking.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["trackingNumber"] = ["A tracking number of 1-100 characters is required."] });
        }

        if (await workflow.FindAsync(id, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        if (order.Status == OrderStatus.Paid)
        {
            order.RecordTracking(tracking);
        }

        return await OrderCommands.ApplyAsync(db, workflow, order, OrderTrigger.Ship, Admin(context), $"shipped, tracking {tracking}", cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Deliver(
        Guid id, HttpContext context, OrderWorkflow workflow, OrdersDbContext db, CancellationToken cancellationToken) =>
        await workflow.FindAsync(id, cancellationToken) is { } order
            ? await OrderCommands.ApplyAsync(db, workflow, order, OrderTrigger.Deliver, Admin(context), "delivered", cancellationToken)
            : TypedResults.NotFound();

    /// <summary>
    /// The back office's cancel: the same transition as a customer's (only before shipping), so stock is released and a
    /// paid order refunded through OrderCancelled; the history names the admin and the reason.
    /// </summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelOrderRequest request, HttpContext context, OrderWorkflow workflow, OrdersDbContext db, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason of 1-500 characters is required."] });
        }

        return await workflow.FindAsync(id, cancellationToken) is { } order
            ? await OrderCommands.ApplyAsync(db, workflow, order, OrderTrigger.CustomerCancel, Admin(context), $"cancelled by the store: {reason}", cancellationToken)
            : TypedResults.NotFound();
    }

    private static string Admin(HttpContext context) => $"admin:{context.User.FindFirst("sub")?.Value}";
}
