using ECommerce.Contracts;
using ECommerce.Orders.Clients;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ECommerce.Orders.Pricing;

/// <summary>A line to price: which product and how many (from the server cart or a checkout request).</summary>
public sealed record LineToPrice(Guid ProductId, int Quantity);

/// <summary>
/// Prices lines for a destination: the current catalog (Products lookup), the active shipping methods and the store's
/// tax rules, through <see cref="QuoteCalculator"/>. The cart page, the checkout page and the order all come from here.
/// </summary>
public sealed class QuoteService(OrdersDbContext db, ProductsClient products, PromotionStore promotions, IOptions<TaxRules> tax, TimeProvider clock)
{
    /// <summary>
    /// The quote, or the errors that stop one: each names its field (<c>{linesField}[i].productId</c>, <c>shippingMethod</c>,
    /// <c>{countryField}</c>). Lines Products cannot sell now are errors too: a quote covers exactly what would be charged.
    /// </summary>
    public async Task<(Quote? Quote, ValidationErrors Errors)> QuoteAsync(
        IReadOnlyList<LineToPrice> lines, string country, string? shippingMethod, string linesField, string countryField, CancellationToken cancellationToken,
        string? discountCode = null, string? customerId = null)
    {
        var errors = new ValidationErrors();
        var catalog = await products.LookupAsync(lines.Select(l => l.ProductId), cancellationToken);
        var priced = new List<PricedProduct>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!catalog.TryGetValue(lines[i].ProductId, out var product) || !product.Active)
            {
                errors.Add($"{linesField}[{i}].productId", "No product with this id is for sale.");
            }
            else if (!product.InStock)
            {
                errors.Add($"{linesField}[{i}].productId", "This product is out of stock.");
            }
            else if (!Currencies.IsKnown(product.Currency) || !Money.IsRepresentable(product.Price, product.Currency))
            {
                // Products refuses such prices; one stored before it did must not be rounded into an order.
                errors.Add($"{linesField}[{i}].productId", $"This product's price ({product.Price} {product.Currency}) is not a whole number of {product.Currency} minor units.");
            }
            else
            {
                priced.Add(new PricedProduct(product.Id, product.Sku, product.Name, lines[i].Quantity,
                    Money.ToMinor(product.Price, product.Currency), product.TaxClass, product.WeightGrams, product.CategorySlugs, product.VariantLabel));
            }
        }

        var currencies = lines.Select(l => catalog.GetValueOrDefault(l.ProductId)?.Currency).OfType<string>().Distinct().ToList();
        if (currencies.Count > 1)
        {
            errors.Add(linesField, "All products of one order must be priced in the same currency.");
        }

        if (errors.HasErrors)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var (promotion, refused) = await promotions.ChooseAsync(priced, currencies[0], discountCode, customerId, now, cancellationToken);
        if (refused is not null)
        {
            return (null, errors.Add("discountCode", refused));
        }

        var methods = await db.ShippingMethods.AsNoTracking().Where(m => m.Active).ToListAsync(cancellationToken);
        var quote = QuoteCalculator.Calculate(priced, currencies[0], country, methods, shippingMethod, promotion, tax.Value,
            DateOnly.FromDateTime(now.UtcDateTime));
        if (quote.Shipping is null)
        {
            errors.Add(countryField, $"We do not deliver these items to {country}.");
        }
        else if (shippingMethod is not null && quote.Shipping.Code != shippingMethod)
        {
            errors.Add("shippingMethod", $"'{shippingMethod}' does not deliver this order to {country}; choose one of: {string.Join(", ", quote.ShippingOptions.Select(o => o.Code))}.");
        }

        return errors.HasErrors ? (null, errors) : (quote, errors);
    }
}
