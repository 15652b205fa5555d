using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Review;

/// <summary>
/// The back office's risk review (admins only): the queue of held orders with their scores and reasons, approve
/// (Payments captures, the order becomes Paid with its usual events and e-mails) and reject (cancelled: stock released,
/// authorisation voided, the shopper told), and the summary the models page shows. A decision locks the order's row,
/// so two admins deciding at once queue: the second sees the first's decision (a repeat of it answers 200, the other 409).
/// </summary>
public static class RiskReviewEndpoints
{
    public static IEndpointRouteBuilder MapRiskReview(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/orders/admin").WithTags("Orders (risk review)").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/risk/queue", Queue);
        admin.MapGet("/risk/summary", Summary);
        admin.MapPost("/{id:guid}/risk/approve", Approve);
        admin.MapPost("/{id:guid}/risk/reject", Reject);
        return routes;
    }

    /// <summary>Held orders, oldest first (the review window runs out for them first), at most 200.</summary>
    private static async Task<Ok<List<HeldOrderView>>> Queue(OrdersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.HeldForReview)
            .OrderBy(o => o.StatusChangedAt).Take(200)
            .Select(o => new HeldOrderView(o.Id, o.Number, o.CustomerId, o.CreatedAt, o.Items.Sum(i => i.Quantity), o.Total, o.Currency,
                o.RiskScore, o.RiskReasons, o.RiskSource, o.StatusChangedAt, o.StockHeldUntil, o.ReviewDecision))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Ok<RiskSummaryView>, ValidationProblem>> Summary(
        int? days, OrdersDbContext db, IOptions<RiskOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var window = days ?? 30;
        if (window is < 1 or > 365)
        {
            return ValidationErrors.Problem("days", "Between 1 and 365.");
        }

        var since = clock.GetUtcNow().AddDays(-window);
        var orders = db.Orders.AsNoTracking().Where(o => o.CreatedAt >= since);
        var counts = await orders.GroupBy(_ => 1).Select(g => new
        {
            Orders = g.Count(),
            Scored = g.Count(o => o.RiskScore != null),
            Unscored = g.Count(o => o.RiskSource == "unavailable"),
            Held = g.Count(o => o.HeldForReview),
            Approved = g.Count(o => o.ReviewDecision == ReviewDecision.Approved),
            Rejected = g.Count(o => o.ReviewDecision == ReviewDecision.Rejected),
            Expired = g.Count(o => o.HeldForReview && o.ReviewDecision == null && o.Status == OrderStatus.Cancelled),
            Waiting = g.Count(o => o.Status == OrderStatus.HeldForReview && o.ReviewDecision == null),
        }).SingleOrDefaultAsync(cancellationToken);
        if (counts is null)
        {
            return TypedResults.Ok(new RiskSummaryView(window, options.Value.HoldThreshold, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
        }

        var decided = counts.Approved + counts.Rejected;
        return TypedResults.Ok(new RiskSummaryView(window, options.Value.HoldThreshold, counts.Orders, counts.Scored, counts.Unscored, counts.Held,
            Math.Round((double)counts.Held / counts.Orders, 4), counts.Approved, counts.Rejected, counts.Expired, counts.Waiting,
            decided == 0 ? null : Math.Round((double)counts.Rejected / decided, 4)));
    }

    private static Task<Results<Ok<ReviewResultView>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(db, id, order => order.ApproveReview(Admin(context), clock.GetUtcNow()), cancellationToken);

    private static async Task<Results<Ok<ReviewResultView>, NotFound, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectReviewRequest request, HttpContext context, OrdersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return ValidationErrors.Problem("reason", "A reason of 1-500 characters is required.");
        }

        return await DecideAsync(db, id, order => order.RejectReview(Admin(context), reason, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// Loads the order under a row lock, decides, and saves the decision with the event it owes (OrderReviewApproved or
    /// OrderCancelled) in one transaction; the timeout sweep and the saga's handlers take the same lock or lose on xmin.
    /// </summary>
    private static async Task<Results<Ok<ReviewResultView>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        OrdersDbContext db, Guid id, Func<Order, ReviewOutcome> decide, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT id FROM orders WHERE id = {id} FOR UPDATE", ct);
            if (await db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == id), ct) is not { } order)
            {
                return (Results<Ok<ReviewResultView>, NotFound, ValidationProblem, ProblemHttpResult>)TypedResults.NotFound();
            }

            var outcome = decide(order);
            if (outcome == ReviewOutcome.Refused)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    title: order.ReviewDecision is { } decided ? $"This order was already {decided.ToString().ToLowerInvariant()} by {order.ReviewedBy}." : $"An order that is {order.Status} is not waiting for review.",
                    detail: "Reload the review queue.");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(new ReviewResultView(order.Id, order.Number, order.Status, order.ReviewDecision!.Value, order.ReviewedBy!, order.ReviewedAt!.Value, order.ReviewNote));
        }, cancellationToken);

    private static string Admin(HttpContext context) => $"admin:{context.User.FindUserId()}";
}
