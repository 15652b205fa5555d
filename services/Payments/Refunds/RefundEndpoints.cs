using System.Text.RegularExpressions;
using ECommerce.Payments.Domain;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Refunds;

/// <summary>Back office: refund part of a captured payment, once per Idempotency-Key.</summary>
public static partial class RefundEndpoints
{
    private const int MaxReasonLength = 200;

    public static IEndpointRouteBuilder MapRefundEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/payments/orders").WithTags("Payments admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .MapPost("/{orderId:guid}/refunds", Refund)
            .WithSummary("Refund part of a captured payment; an Idempotency-Key header makes a retried request refund once");
        return app;
    }

    private static async Task<Results<Created<RefundResponse>, Ok<RefundResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Refund(
        Guid orderId,
        RefundRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        PaymentsDbContext db,
        PaymentRefunder refunder,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(request.AmountMinor > 0, "amountMinor", "The amount must be a positive number of minor units.");
        errors.Check(request.Reason is not { Length: > MaxReasonLength }, "reason", $"The reason must be at most {MaxReasonLength} characters.");
        errors.Check(idempotencyKey is null || IdempotencyKeyPattern().IsMatch(idempotencyKey), "Idempotency-Key", "Use 1–64 letters, digits, '-' or '_'.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
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
                return ValidationErrors.Problem("amountMinor", $"At most {payment.Refundable} can still be refunded.");
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
