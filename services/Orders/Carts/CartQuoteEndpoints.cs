using ECommerce.Orders.Domain;
using ECommerce.Orders.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Carts;

/// <summary>
/// <c>GET /api/orders/cart/quote?country=GB&amp;shippingMethod=uk-express&amp;code=SAVE10</c>: what the cart would cost
/// delivered there, with every shipping method on offer and the discount code (a bad code is a 400 naming <c>discountCode</c>). Open to whoever owns the cart (anonymous cookie/header or the customer).
/// </summary>
public static class CartQuoteEndpoints
{
    public static IEndpointRouteBuilder MapCartQuote(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/orders/cart/quote", GetQuote).WithTags("Cart").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<QuoteView>, NotFound<string>, ValidationProblem>> GetQuote(
        string? country, string? shippingMethod, string? code, HttpContext context, CartStore store, QuoteService quotes, IOptions<TaxRules> tax, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        country ??= tax.Value.HomeCountry;
        errors.Check(QuoteInput.IsCountry(country), "country", "The country is a two-letter ISO code in capitals (e.g. GB).");
        errors.Check(shippingMethod is null || QuoteInput.IsShippingCode(shippingMethod), "shippingMethod", QuoteInput.ShippingCodeRule);
        errors.Check(code is null || QuoteInput.IsDiscountCode(code), "code", QuoteInput.DiscountCodeRule);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var owner = CartOwnerResolver.Resolve(context, createAnonymous: false);
        var cart = owner is null ? null : await store.GetAsync(owner, cancellationToken);
        if (cart is null || cart.Lines.Count == 0)
        {
            return TypedResults.NotFound("The cart is empty.");
        }

        var (quote, problems) = await quotes.QuoteAsync(
            [.. cart.Lines.Select(l => new LineToPrice(l.ProductId, l.Quantity))], country, shippingMethod, "lines", "country", cancellationToken,
            code, context.User.FindUserId());
        return quote is null ? problems.ToProblem() : TypedResults.Ok(QuoteView.From(quote));
    }
}
