using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Checkout;

/// <summary>Placing an order (<c>POST /api/orders</c>), once per Idempotency-Key. The customer is always the token's <c>sub</c>.</summary>
public static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckout(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(AuthenticationDefaults.CustomerPolicy)
            .MapPost("", PlaceOrder);
        return routes;
    }

    private static async Task<Results<Created<OrderDetail>, Ok<OrderDetail>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        CheckoutRequest request,
        [FromHeader(Name = CheckoutValidator.IdempotencyHeader)] string? idempotencyKey,
        HttpContext context,
        CheckoutService checkout,
        CartJourneys journeys,
        IOptions<CartLimits> limits,
        CancellationToken cancellationToken)
    {
        var errors = CheckoutValidator.Validate(idempotencyKey, request, limits.Value);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        // Users is called with the caller's own token (ForwardCallerToken on its client), so it decides whose address book this is.
        var outcome = await checkout.PlaceAsync(context.User.UserId(), idempotencyKey!, request, cancellationToken);
        if (outcome.Result == CheckoutResult.Created)
        {
            journeys.End(context);
        }

        return outcome.Result switch
        {
            CheckoutResult.Created => TypedResults.Created($"/api/orders/{outcome.Order!.Id}", OrderDetail.From(outcome.Order)),
            CheckoutResult.Repeated => TypedResults.Ok(OrderDetail.From(outcome.Order!)),
            CheckoutResult.KeyReused => KeyReused(),
            CheckoutResult.QuoteChanged => QuoteChanged(outcome.Quote!),
            _ => outcome.Errors!.ToProblem(),
        };
    }

    internal static ProblemHttpResult KeyReused() => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This Idempotency-Key was already used for a different request.",
        detail: "Use a new key for a new checkout; repeat a request only with exactly the same body.");

    internal static ProblemHttpResult QuoteChanged(Quote quote) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "The total changed since you saw it.",
        detail: "Nothing was charged. Check the new total (the quote field) and place the order again.",
        extensions: new Dictionary<string, object?> { ["quote"] = QuoteView.From(quote) });
}
