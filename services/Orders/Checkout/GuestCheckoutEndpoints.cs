using ECommerce.Orders.Carts;
using ECommerce.Orders.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Checkout;

/// <summary>
/// Buying without an account (<c>POST /api/orders/guest/checkout</c>): anyone may call it, limited per client address
/// (<see cref="GuestCheckoutRateLimiting"/>). The order is the guest's anonymous cart priced by the same
/// <see cref="CheckoutService"/> as a customer's; the answer carries the access token of the order's link.
/// </summary>
public static class GuestCheckoutEndpoints
{
    public static IEndpointRouteBuilder MapGuestCheckout(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/orders/guest").WithTags("Orders").AllowAnonymous()
            .MapPost("/checkout", PlaceGuestOrder).RequireRateLimiting(GuestCheckoutRateLimiting.Policy);
        return routes;
    }

    private static async Task<Results<Created<GuestOrderPlaced>, Ok<GuestOrderPlaced>, ValidationProblem, ProblemHttpResult>> PlaceGuestOrder(
        GuestCheckoutRequest request,
        [FromHeader(Name = CheckoutValidator.IdempotencyHeader)] string? idempotencyKey,
        HttpContext context,
        CheckoutService checkout,
        CartJourneys journeys,
        OrderAccessTokens access,
        IOptions<CartLimits> limits,
        CancellationToken cancellationToken)
    {
        var errors = GuestCheckoutValidator.Validate(idempotencyKey, request, limits.Value);
        if (!errors.HasErrors && CartOwnerResolver.AnonymousId(context) is null)
        {
            errors.Add("cart", "The cart is empty: add something to the cart, then check out.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var buyer = Buyer.Guest(request.Email!, CartOwnerResolver.AnonymousId(context)!);
        var outcome = await checkout.PlaceAsync(buyer, idempotencyKey!, request.ToCheckout(), cancellationToken);
        if (outcome.Result == CheckoutResult.Created)
        {
            journeys.End(context);
        }

        return outcome.Result switch
        {
            CheckoutResult.Created => TypedResults.Created($"/api/orders/guest/{outcome.Order!.Id}", Placed(outcome.Order, access)),
            CheckoutResult.Repeated => TypedResults.Ok(Placed(outcome.Order!, access)),
            CheckoutResult.KeyReused => CheckoutEndpoints.KeyReused(),
            CheckoutResult.QuoteChanged => CheckoutEndpoints.QuoteChanged(outcome.Quote!),
            _ => CartFields(outcome.Errors!).ToProblem(),
        };
    }

    private static GuestOrderPlaced Placed(Order order, OrderAccessTokens access)
    {
        var grant = access.Issue(order.Id);
        return new GuestOrderPlaced(OrderDetail.From(order), grant.Token, grant.ExpiresAt);
    }

    /// <summary>A guest sends no lines: what checkout says about "lines" (empty, unavailable) is about their cart.</summary>
    private static ValidationErrors CartFields(ValidationErrors errors)
    {
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                renamed.Add(field.StartsWith("lines", StringComparison.Ordinal) ? "cart" + field["lines".Length..] : field, message);
            }
        }

        return renamed;
    }
}
