using ECommerce.Payments.MyPayments;
using ECommerce.Payments.Persistence;
using ECommerce.Payments.Providers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Payments.GuestPayments;

/// <summary>
/// A guest's payment by the order's link: anyone holding the access token Orders signed for the order
/// (<c>X-Order-Access</c> header or <c>access</c> query, verified with the shared key) gets what the customer's own
/// endpoint answers. Without a valid token for this very order the answer is 404, as for an order with no payment.
/// </summary>
public static class GuestPaymentEndpoints
{
    public static IEndpointRouteBuilder MapGuestPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/payments/guest/orders/{orderId:guid}", GetGuestPayment)
            .WithTags("Payments")
            .WithSummary("The payment status of a guest's order, for the holder of the order's access token")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<MyPaymentResponse>, NotFound>> GetGuestPayment(
        Guid orderId, HttpContext context, OrderAccessTokens access, PaymentsDbContext db, IPaymentProvider provider, CancellationToken cancellationToken)
    {
        if (!access.Verify(orderId, OrderAccessTokens.From(context.Request)))
        {
            return TypedResults.NotFound();
        }

        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.OrderId == orderId, cancellationToken);
        if (payment is null)
        {
            return TypedResults.NotFound();
        }

        // The same projection as the customer's endpoint (MyPaymentsEndpoints).
        return TypedResults.Ok(MyPaymentResponse.From(payment, provider));
    }
}
