using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Orders.Fulfilment;

/// <summary>
/// Back office: the returns queue, and each return's approval or rejection and receipt (restock or write-off per line,
/// which asks Payments for the refund). Admins only.
/// </summary>
public static class ReturnsAdminEndpoints
{
    private const int QueueSize = 200;

    public static IEndpointRouteBuilder MapReturnsAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/orders/admin").WithTags("Orders (admin)").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/returns", Queue);
        admin.MapPost("/{id:guid}/returns/{returnId:guid}/approve", Approve);
        admin.MapPost("/{id:guid}/returns/{returnId:guid}/reject", Reject);
        admin.MapPost("/{id:guid}/returns/{returnId:guid}/receive", Receive);
        return routes;
    }

    /// <summary>Returns waiting on the back office (requested or approved), oldest first; or those of one status.</summary>
    private static async Task<Results<Ok<ReturnQueueEntry[]>, ValidationProblem>> Queue(string? status, OrdersDbContext db, CancellationToken cancellationToken)
    {
        ReturnStatus[] wanted = [ReturnStatus.Requested, ReturnStatus.Approved];
        if (status is not null)
        {
            if (!Enum.TryParse<ReturnStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ValidationErrors.Problem("status", $"One of: {string.Join(", ", Enum.GetNames<ReturnStatus>())}.");
            }

            wanted = [parsed];
        }

        var returns = await db.Returns.AsNoTracking().Where(r => wanted.Contains(r.Status))
            .Join(db.Orders, r => r.OrderId, o => o.Id, (r, o) => new { Return = r, o.Number })
            .OrderBy(x => x.Return.RequestedAt).Take(QueueSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(returns
            .Select(x => new ReturnQueueEntry(x.Return.OrderId, x.Number, x.Return.Id, x.Return.Status, x.Return.Lines, x.Return.Note, x.Return.RequestedAt))
            .ToArray());
    }

    private static Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, Guid returnId, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        OnReturnAsync(db, id, returnId, (order, r) => order.ApproveReturn(r, FulfilmentCommand.Admin(context), clock.GetUtcNow()), cancellationToken);

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, Guid returnId, RejectReturnRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = errors.Text("reason", request.Reason, 500, required: true);
        return errors.HasErrors
            ? errors.ToProblem()
            : await OnReturnAsync(db, id, returnId, (order, r) => order.RejectReturn(r, reason!, FulfilmentCommand.Admin(context), clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Receive(
        Guid id, Guid returnId, ReceiveReturnRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Lines is not { Count: > 0 and <= 100 } lines || lines.Any(l => l is null))
        {
            return ValidationErrors.Problem("lines", "A restock choice for every returned line is required.");
        }

        if (lines.GroupBy(l => l.ProductId).FirstOrDefault(g => g.Count() > 1) is not null)
        {
            return ValidationErrors.Problem("lines", "Each line once.");
        }

        var restock = lines.ToDictionary(l => l.ProductId, l => l.Restock);
        return await OnReturnAsync(db, id, returnId, (order, r) => order.ReceiveReturn(r, restock, FulfilmentCommand.Admin(context), clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> OnReturnAsync(
        OrdersDbContext db, Guid id, Guid returnId, Func<Order, OrderReturn, FulfilmentError?> command, CancellationToken cancellationToken)
    {
        if (await FulfilmentCommand.FindAsync(db, id, cancellationToken) is not { } order
            || order.Returns.FirstOrDefault(r => r.Id == returnId) is not { } @return)
        {
            return TypedResults.NotFound();
        }

        return await FulfilmentCommand.SaveAsync(db, order, command(order, @return), cancellationToken);
    }
}
