using System.Security.Claims;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.MyPayments;

/// <summary>A customer's own payments. The customer is always the token's <c>sub</c>; someone else's order answers 404.</summary>
public static class MyPaymentsEndpoints
{
    public static IEndpointRouteBuilder MapMyPaymentsEndpoints(this IEndpointRouteBuilder app)
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
        // No subject, no payments: the same 404 as someone else's order.
        if (user.FindUserId() is not { } customerId)
        {
            return TypedResults.NotFound();
        }

        var payment = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.OrderId == orderId && p.CustomerId == customerId, cancellationToken);
        return payment is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(MyPaymentResponse.From(payment, provider));
    }
}
