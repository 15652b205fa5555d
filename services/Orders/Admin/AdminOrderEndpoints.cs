using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Admin;

/// <summary>Back office: search every order, read any order, cancel one before it ships (refunded if paid). Admins only; shipping is in Fulfilment.</summary>
public static class AdminOrderEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/orders").WithTags("Orders (admin)").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/admin/search", Search);
        admin.MapGet("/admin/{id:guid}", GetOrder);
        admin.MapPost("/admin/{id:guid}/cancel", Cancel);
        return routes;
    }

    private static async Task<Results<Ok<Page<AdminOrderSummary>>, ValidationProblem>> Search(
        string? status, string? order, string? customerId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        OrdersDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        OrderStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"One of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
        }

        var reference = default(OrderReference);
        if (!string.IsNullOrWhiteSpace(order) && !OrderNumber.TryParse(order, out reference))
        {
            errors.Add("order", "An order number is the digits on the order page or e-mail (such as 100 245, with or without # and spaces), "
                + $"the {OrderNumber.LegacyLength} characters older orders showed, or the order's whole id.");
        }

        errors.Check(!(from > to), "from", "'from' must not be after 'to'.");
        var (size, position) = OrderPages.Read(limit, cursor, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        // A legacy number is the id's text tail, answered by the index on exactly this expression (migration
        // OrderNumberIndex, now ix_orders_legacy_number; the 12 is a literal so the planner can match it). xmin is the
        // concurrency token EF maps. A number is answered by the unique index on orders.number.
        var orders = reference.LegacyNumber is not { } legacy
            ? db.Orders.AsQueryable()
            : db.Orders.FromSql($"SELECT *, xmin FROM orders WHERE right(id::text, 12) = {legacy}");
        if (wanted is { } s)
        {
            orders = orders.Where(o => o.Status == s);
        }

        if (reference.Id is { } id)
        {
            orders = orders.Where(o => o.Id == id);
        }

        if (reference.Number is { } number)
        {
            orders = orders.Where(o => o.Number == number);
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

        return TypedResults.Ok(await OrderPages.PageAsync(orders, size, position,
            o => new AdminOrderSummary(o.Id, o.Number, o.CustomerId, o.Status, o.CreatedAt, o.Items.Sum(i => i.Quantity), o.Total, o.Currency), cancellationToken));
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetOrder(Guid id, OrdersDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } order ? TypedResults.Ok(OrderDetail.From(order)) : TypedResults.NotFound();

    /// <summary>
    /// The back office's cancel: the same transition as a customer's (only before shipping), so stock is released and a
    /// paid order refunded through OrderCancelled; the history names the admin and the reason.
    /// </summary>
    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelOrderRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return ValidationErrors.Problem("reason", "A reason of 1-500 characters is required.");
        }

        return await FindAsync(db, id, cancellationToken) is { } order
            ? await OrderCommands.ApplyAsync(db, order, OrderTrigger.CustomerCancel, Admin(context), $"cancelled by the store: {reason}", clock.GetUtcNow(), cancellationToken)
            : TypedResults.NotFound();
    }

    private static Task<Order?> FindAsync(OrdersDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == id), cancellationToken);

    private static string Admin(HttpContext context) => $"admin:{context.User.FindUserId()}";
}
