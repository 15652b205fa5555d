using ECommerce.Payments.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Admin;

/// <summary>Back office: an order's payment history with every ledger row and its totals.</summary>
public static class PaymentHistoryEndpoints
{
    public static IEndpointRouteBuilder MapPaymentHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/payments/orders").WithTags("Payments admin").RequireAuthorization(AuthenticationDefaults.AdminPolicy)
            .MapGet("/{orderId:guid}", GetHistory).WithSummary("An order's payment and every ledger row, with totals");
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
}
