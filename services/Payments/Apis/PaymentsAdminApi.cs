using System.Text.RegularExpressions;
using ECommerce.Payments.Data;
using ECommerce.Payments.Model;
using ECommerce.Payments.Processing;
using ECommerce.Payments.Providers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Apis;

/// <summary>Admin endpoints: an order's payment history with its ledger, and partial refunds.</summary>
public static partial class PaymentsAdminApi
{
    private const int MaxReasonLength = 200;

    public static IEndpointRouteBuilder MapPaymentsAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/payments/orders").WithTags("Payments admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy);
        admin.MapGet("/{orderId:guid}", GetHistory).WithSummary("An order's payment and every ledger row, with totals");
        admin.MapPost("/{orderId:guid}/refunds", Refund)
            .WithSummary("Refund part of a captured payment; an Idempotency-Key header makes a retried request refund once");
        return app;
    }

    private static async Task<Results<Ok<PaymentHistoryResponse>, NotFound>> GetHistory(Guid orderId, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Include(p => p.Ledger).SingleOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);
        if (payment is null)
        {
            return TypedResults.NotFound();
        }

        var entries = payment.Ledger.OrderBy(e => e.Id).ToList();
        return TypedResults.Ok(new PaymentHistoryResponse(payment.OrderId, payment.Id, payment.CustomerId, payment.Status, payment.AmountMinor,
            payment.Currency, payment.PaymentMethod, payment.Provider, payment.ProviderPaymentId, payment.FailureReason,
            LedgerTotals.Of(entries), entries.Select(LedgerEntryResponse.From).ToList()));
    }

    private static async Task<Results<Created<RefundResponse>, Ok<RefundResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Refund(
        Guid orderId,
        RefundRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        PaymentsDbContext db,
        PaymentRefunder refunder,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.AmountMinor <= 0)
        {
            errors["amountMinor"] = ["The amount must be a positive number of minor units."];
        }

        if (request.Reason?.Length > MaxReasonLength)
        {
            errors["reason"] = [$"The reason must be at most {MaxReasonLength} characters."];
        }

        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors["Idempotency-Key"] = ["Use 1–64 letters, digits, '-' or '_'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Chosen once, outside the retry loop: a database retry repeats the provider call with the same key.
        var key = IdempotencyKeys.AdminRefund(orderId, idempotencyKey ?? Guid.NewGuid().ToString("N"));
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var payment = await db.LockPaymentAsync(orderId, ct);
            if (payment is null)
            {
                return (Results<Created<RefundResponse>, Ok<RefundResponse>, NotFound, ValidationProblem, ProblemHttpResult>)TypedResults.NotFound();
            }

            if (await db.Ledger.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == key, ct) is { } earlier)
            {
                return TypedResults.Ok(ToResponse(payment, earlier));
            }

            if (payment.Status is not (PaymentStatus.Captured or PaymentStatus.Refunded))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing has been captured for this order.",
                    detail: $"The payment is {payment.Status}.");
            }

            if (request.AmountMinor > payment.Refundable)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["amountMinor"] = [$"At most {payment.Refundable} can still be refunded."],
                });
            }

            try
            {
                var entry = await refunder.RefundAsync(payment, request.AmountMinor, request.Reason ?? "admin_refund", key, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return TypedResults.Created($"/api/payments/orders/{orderId}", ToResponse(payment, entry));
            }
            catch (PaymentProviderRejectedException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The payment provider refused the refund.", detail: e.Code);
            }
            catch (PaymentProviderUnavailableException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The payment provider is unavailable; retry with the same Idempotency-Key.",
                    detail: e.Message);
            }
        }, cancellationToken);
    }

    private static RefundResponse ToResponse(Payment payment, LedgerEntry entry) =>
        new(payment.OrderId, entry.AmountMinor, entry.Currency, entry.ProviderReference, payment.RefundedMinor, payment.Refundable, entry.OccurredAt);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdempotencyKeyPattern();
}
