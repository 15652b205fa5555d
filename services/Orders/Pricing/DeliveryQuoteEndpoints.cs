using System.Globalization;
using ECommerce.Orders.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Pricing;

/// <summary>
/// <c>GET /api/orders/delivery-quote?productId=…&amp;quantity=1&amp;country=GB</c>: what one product costs delivered to a
/// country — its VAT and every shipping method on offer with its fee and delivery dates — so the product page says
/// "includes VAT" and "arrives Fri 4 Dec – Tue 8 Dec" before anything is in the cart. The same quote the cart and the
/// checkout use, for one line. Anonymous: it tells nothing the catalog and a cart's quote do not.
/// </summary>
public static class DeliveryQuoteEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryQuote(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/orders/delivery-quote", GetAsync).WithTags("Cart").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<QuoteView>, ValidationProblem>> GetAsync(
        string? productId, string? quantity, string? country, QuoteService quotes, IOptions<TaxRules> tax, IOptions<CartLimits> limits,
        CancellationToken cancellationToken)
    {
        // Raw strings, so a malformed value is a problem naming its field rather than a binding failure.
        var errors = new ValidationErrors();
        errors.Check(Guid.TryParse(productId, out var product) && product != Guid.Empty, "productId", "productId is a product's id (a GUID).");
        var count = 1;
        errors.Check(quantity is null || (int.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= limits.Value.MaxQuantityPerLine),
            "quantity", $"quantity is a whole number from 1 to {limits.Value.MaxQuantityPerLine}.");
        country ??= tax.Value.HomeCountry;
        errors.Check(QuoteInput.IsCountry(country), "country", "The country is a two-letter ISO code in capitals (e.g. GB).");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var (quote, problems) = await quotes.QuoteAsync([new LineToPrice(product, count)], country, null, "lines", "country", cancellationToken);
        if (quote is null)
        {
            // The one line's errors ("lines[0].productId", "lines") are about the query's productId.
            var named = new ValidationErrors();
            foreach (var (field, messages) in problems.ToDictionary())
            {
                foreach (var message in messages)
                {
                    named.Add(field.StartsWith("lines", StringComparison.Ordinal) ? "productId" : field, message);
                }
            }

            return named.ToProblem();
        }

        return TypedResults.Ok(QuoteView.From(quote));
    }
}
