using System.Security.Claims;
using ECommerce.Products.Caching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ECommerce.Products.Inventory;

/// <summary>Admin inventory: stock levels, adjustments with a reason (audited), the low-stock list.</summary>
public static class InventoryEndpoints
{
    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/products").WithTags("Inventory").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        api.MapGet("/{id:guid}/stock", LevelAsync).WithName("GetStock");
        api.MapPost("/{id:guid}/stock/adjustments", AdjustAsync).WithName("AdjustStock");
        api.MapGet("/{id:guid}/stock/adjustments", HistoryAsync).WithName("GetStockAdjustments");
        api.MapGet("/inventory/low-stock", LowStockAsync).WithName("GetLowStock");
        return app;
    }

    private static async Task<Results<Ok<StockLevel>, NotFound>> LevelAsync(Guid id, StockAdmin stock, CancellationToken ct) =>
        await stock.LevelAsync(id, ct) is { } level ? TypedResults.Ok(level) : TypedResults.NotFound();

    private static async Task<Results<Created<StockAdjustmentItem>, ValidationProblem, NotFound>> AdjustAsync(
        Guid id, AdjustStockRequest request, StockAdmin stock, CatalogCache cache, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Check(request.Delta is not (null or 0 or < -1_000_000 or > 1_000_000), "delta", "delta must be a non-zero whole number (positive adds stock).");
        errors.Check(!string.IsNullOrWhiteSpace(request.Reason) && request.Reason.Length <= 200, "reason", "reason is required (at most 200 characters).");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var (found, adjustment) = await stock.AdjustAsync(id, request.Delta!.Value, request.Reason!.Trim(), user.FindUserId() ?? "unknown", ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }

        if (adjustment is null)
        {
            return ValidationErrors.Problem("delta", "The change would take available stock below zero.");
        }

        await cache.InvalidateProductAsync(id);
        return TypedResults.Created($"/api/products/{id}/stock/adjustments/{adjustment.Id}", adjustment);
    }

    private static async Task<Ok<List<StockAdjustmentItem>>> HistoryAsync(Guid id, StockAdmin stock, CancellationToken ct) =>
        TypedResults.Ok(await stock.HistoryAsync(id, 100, ct));

    private static async Task<Results<Ok<List<StockLevel>>, ValidationProblem>> LowStockAsync(string? threshold, StockAdmin stock, CancellationToken ct)
    {
        int? limit = null;
        if (threshold is not null)
        {
            if (!int.TryParse(threshold, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value > 1_000_000)
            {
                return ValidationErrors.Problem("threshold", "threshold must be a whole number of at least 0.");
            }

            limit = value;
        }

        return TypedResults.Ok(await stock.LowStockAsync(limit, 500, ct));
    }
}
