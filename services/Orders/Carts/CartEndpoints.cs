using ECommerce.Orders.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>The shopper's cart: open to anonymous visitors (cart id cookie/header) and customers (their <c>sub</c>).</summary>
public static class CartEndpoints
{
    public static IEndpointRouteBuilder MapCarts(this IEndpointRouteBuilder routes)
    {
        var cart = routes.MapGroup("/api/orders/cart").WithTags("Cart");
        cart.MapGet("", GetCart).AllowAnonymous();
        cart.MapPost("/lines", AddLine).AllowAnonymous();
        cart.MapPut("/lines/{productId:guid}", SetLine).AllowAnonymous();
        cart.MapDelete("/lines/{productId:guid}", RemoveLine).AllowAnonymous();
        cart.MapDelete("", ClearCart).AllowAnonymous();
        cart.MapPost("/merge", MergeCart).RequireAuthorization(AuthenticationDefaults.CustomerPolicy);
        return routes;
    }

    private static async Task<Ok<CartView>> GetCart(HttpContext context, CartService carts, CancellationToken cancellationToken) =>
        CartOwnerResolver.Resolve(context, createAnonymous: false) is { } owner
            ? TypedResults.Ok(await carts.ViewAsync(owner, cancellationToken))
            : TypedResults.Ok(new CartView(null, [], [], 0, 0, null, PricesCurrent: true));

    private static async Task<Results<Ok<CartView>, ValidationProblem>> AddLine(
        AddCartLineRequest request, HttpContext context, CartService carts, CartJourneys journeys, IOptions<CartLimits> limits, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(request.ProductId != Guid.Empty, "productId", "A product id is required.");
        CheckQuantity(errors, request.Quantity, limits.Value);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await ChangeLineAsync(context, carts, journeys, request.ProductId, request.Quantity, add: true, cancellationToken);
    }

    private static async Task<Results<Ok<CartView>, ValidationProblem>> SetLine(
        Guid productId, SetCartLineRequest request, HttpContext context, CartService carts, CartJourneys journeys, IOptions<CartLimits> limits, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CheckQuantity(errors, request.Quantity, limits.Value);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return await ChangeLineAsync(context, carts, journeys, productId, request.Quantity, add: false, cancellationToken);
    }

    /// <summary>A line added or set; a successful change starts or continues the caller's journey (<see cref="CartJourneys"/>).</summary>
    private static async Task<Results<Ok<CartView>, ValidationProblem>> ChangeLineAsync(
        HttpContext context, CartService carts, CartJourneys journeys, Guid productId, int quantity, bool add, CancellationToken cancellationToken)
    {
        var owner = CartOwnerResolver.Resolve(context, createAnonymous: true)!;
        var (view, problems) = await carts.ChangeLineAsync(owner, productId, quantity, add, cancellationToken);
        if (view is null)
        {
            return problems!.ToProblem();
        }

        journeys.Continue(context, owner);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CartView>, NotFound>> RemoveLine(Guid productId, HttpContext context, CartService carts, CancellationToken cancellationToken) =>
        CartOwnerResolver.Resolve(context, createAnonymous: false) is { } owner && await carts.RemoveLineAsync(owner, productId) is not null
            ? TypedResults.Ok(await carts.ViewAsync(owner, cancellationToken))
            : TypedResults.NotFound();

    private static async Task<NoContent> ClearCart(HttpContext context, CartService carts)
    {
        if (CartOwnerResolver.Resolve(context, createAnonymous: false) is { } owner)
        {
            await carts.ClearAsync(owner);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Called by the storefront right after sign-in with the anonymous cart's id (cookie or header).</summary>
    private static async Task<Ok<CartMergeResult>> MergeCart(HttpContext context, CartService carts, CancellationToken cancellationToken)
    {
        var customer = CartOwnerResolver.Resolve(context, createAnonymous: false)!;
        if (CartOwnerResolver.AnonymousId(context) is not { } anonymousId)
        {
            return TypedResults.Ok(new CartMergeResult(await carts.ViewAsync(customer, cancellationToken), []));
        }

        var result = await carts.MergeAsync(CartOwner.Anonymous(anonymousId), customer, cancellationToken);
        CartOwnerResolver.Forget(context);
        return TypedResults.Ok(result);
    }

    private static void CheckQuantity(ValidationErrors errors, int quantity, CartLimits limits) =>
        errors.Check(quantity >= 1 && quantity <= limits.MaxQuantityPerLine, "quantity", $"The quantity must be between 1 and {limits.MaxQuantityPerLine}.");
}
