using System.Security.Claims;
using ECommerce.Payments.Data;
using ECommerce.Payments.Providers;
using ECommerce.Payments.Providers.Simulated;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.Apis;

/// <summary>A customer's own payments. The customer is always the token's <c>sub</c>; someone else's order answers 404.</summary>
public static class MyPaymentsApi
{
    public static IEndpointRouteBuilder MapMyPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/me/orders/{orderId:guid}", GetMyPayment)
            .WithTags("Payments")
            .WithSummary("The payment status of one of the caller's orders")
            .RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        return app;
    }

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound>> GetMyPayment(
        Guid orderId, ClaimsPrincipal user, PaymentsDbContext db, IPaymentProvider provider, CancellationToken cancellationToken)
    {
        var customerId = user.FindFirstValue("sub");
        var payment = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.OrderId == orderId && p.CustomerId == customerId, cancellationToken);
        return payment is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MyPaymentResponse(payment.OrderId, payment.Status, payment.AmountMinor, payment.Currency,
                payment.CapturedMinor, payment.RefundedMinor, payment.FailureReason, payment.Provider ?? provider.Name,
                (payment.Provider ?? provider.Name) == SimulatedPaymentProvider.ProviderName));
    }
}
