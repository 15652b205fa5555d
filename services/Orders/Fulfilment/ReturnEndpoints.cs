using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Fulfilment;

/// <summary>
/// The shopper asks to return delivered lines: signed in for their own order (another's is 404), or as a guest with
/// the order link's access token (<c>X-Order-Access</c> or <c>access</c>), as the guest order page reads it.
/// </summary>
public static class ReturnEndpoints
{
    private const int MaxNoteLength = 500;

    public static IEndpointRouteBuilder MapReturns(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .MapPost("/{id:guid}/returns", RequestMine);
        routes.MapGroup("/api/orders/guest").WithTags("Orders").AllowAnonymous()
            .MapPost("/{orderId:guid}/returns", RequestAsGuest);
        return routes;
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RequestMine(
        Guid id, RequestReturnRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, IOptions<ReturnPolicy> policy,
        CancellationToken cancellationToken)
    {
        var customerId = context.User.UserId();
        return await RequestAsync(db.Orders.Where(o => o.Id == id && o.CustomerId == customerId), "customer", request, db, clock, policy.Value, cancellationToken);
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsGuest(
        Guid orderId, RequestReturnRequest request, HttpContext context, OrderAccessTokens access, OrdersDbContext db, TimeProvider clock,
        IOptions<ReturnPolicy> policy, CancellationToken cancellationToken) =>
        access.Verify(orderId, OrderAccessTokens.From(context.Request))
            ? await RequestAsync(db.Orders.Where(o => o.Id == orderId), "guest", request, db, clock, policy.Value, cancellationToken)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<OrderDetail>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        IQueryable<Order> orders, string actor, RequestReturnRequest request, OrdersDbContext db, TimeProvider clock, ReturnPolicy policy,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(request.Lines is { Count: > 0 and <= 100 }, "lines", "Choose between 1 and 100 lines to return.");
        var note = errors.Text("note", request.Note, MaxNoteLength, required: false);
        for (var i = 0; request.Lines is not null && i < request.Lines.Count; i++)
        {
            errors.Check(request.Lines[i] is not null, $"lines[{i}]", "A line is required.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (await db.LoadWithDetailsAsync(orders, cancellationToken) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var lines = request.Lines!.Select(l => (l.ProductId, l.Quantity, l.Reason?.Trim() ?? "")).ToList();
        var (_, error) = order.RequestReturn(lines, note, policy.Window, actor, clock.GetUtcNow());
        return await FulfilmentCommand.SaveAsync(db, order, error, cancellationToken);
    }
}
