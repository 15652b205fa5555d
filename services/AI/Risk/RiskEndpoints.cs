using ECommerce.AI.Models;
using ECommerce.AI.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.AI.Risk;

/// <summary>
/// The order features Orders or Payments know at checkout. Amount-vs-history and velocity are computed here from the
/// customer's paid orders; <see cref="OrdersLast24Hours"/> overrides the velocity when the caller counts unpaid orders too.
/// </summary>
public sealed record RiskScoreRequest(
    Guid? OrderId, string? CustomerId, decimal Amount, string? Currency, int LineCount,
    double? AccountAgeDays, int AddressChangesLast30Days, int? OrdersLast24Hours);

/// <summary>A risk score in [0, 1], whether the order goes to manual review, and why.</summary>
public sealed record RiskScoreResponse(Guid? OrderId, double Score, bool Review, double Threshold, IReadOnlyList<string> Reasons, string Source, int ModelVersion);

/// <summary>Risk settings (section <c>AI:Risk</c>).</summary>
public sealed class RiskOptions
{
    public const string SectionName = "AI:Risk";

    /// <summary>Orders scoring above this go to manual review instead of being charged automatically.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public double ReviewThreshold { get; set; } = 0.5;
}

/// <summary>POST /api/ai/risk: scores an order for Orders/Payments (a service token) or an admin.</summary>
public static class RiskEndpoints
{
    public const string Policy = "risk-scoring";

    public static IEndpointRouteBuilder MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ai/risk", Score).WithTags("Risk").RequireAuthorization(Policy);
        return app;
    }

    private static async Task<Results<Ok<RiskScoreResponse>, ValidationProblem>> Score(
        RiskScoreRequest request, ModelHolder models, AiDbContext db, IOptions<RiskOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var now = time.GetUtcNow();
        var earlier = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == request.CustomerId && o.Id != request.OrderId)
            .OrderByDescending(o => o.PaidAt).Take(200)
            .Select(o => new Purchase(o.Id, o.CustomerId, o.PaidAt, new List<PurchaseLine> { new(Guid.Empty, 1, o.Total) }, false))
            .ToListAsync(cancellationToken);
        var features = RiskFeatureBuilder.For((double)request.Amount, request.LineCount, now, earlier,
            request.AccountAgeDays, request.AddressChangesLast30Days, request.OrdersLast24Hours);

        var current = models.Current;
        var assessment = (current.Risk ?? RiskScorer.Rules).Score(features);
        var threshold = options.Value.ReviewThreshold;
        return TypedResults.Ok(new RiskScoreResponse(request.OrderId, assessment.Score, assessment.Score > threshold, threshold,
            assessment.Reasons, assessment.Source, current.Risk is null ? 0 : current.RiskVersion));
    }

    private static ValidationErrors Validate(RiskScoreRequest request)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.CustomerId) || request.CustomerId.Length > 100)
        {
            errors.Add("customerId", "Required, at most 100 characters.");
        }

        if (request.Amount is < 0 or > 100_000_000)
        {
            errors.Add("amount", "Must be between 0 and 100,000,000.");
        }

        if (request.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetter))
        {
            errors.Add("currency", "Must be a three-letter ISO 4217 code.");
        }

        if (request.LineCount is < 1 or > 1000)
        {
            errors.Add("lineCount", "Must be between 1 and 1000.");
        }

        if (request.AccountAgeDays is < 0 or > 36_500)
        {
            errors.Add("accountAgeDays", "Must be between 0 and 36,500.");
        }

        if (request.AddressChangesLast30Days is < 0 or > 1000)
        {
            errors.Add("addressChangesLast30Days", "Must be between 0 and 1000.");
        }

        if (request.OrdersLast24Hours is < 0 or > 10_000)
        {
            errors.Add("ordersLast24Hours", "Must be between 0 and 10,000.");
        }

        return errors;
    }
}
