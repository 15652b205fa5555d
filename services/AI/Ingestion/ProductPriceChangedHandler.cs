using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.AI.Ingestion;

/// <summary>Keeps the product's price (a price-band feature of the recommenders).</summary>
[HandlerName("ProductPriceChangedHandler")]
public sealed class ProductPriceChangedHandler(AiDbContext db) : IIntegrationEventHandler<ProductPriceChanged>
{
    public async Task HandleAsync(ProductPriceChanged @event, CancellationToken cancellationToken)
    {
        var product = await db.Products.FindAsync([@event.ProductId], cancellationToken);
        if (product is null)
        {
            // The catalog event may come later; the price is kept until then, with no name yet.
            db.Products.Add(new StoredProduct { Id = @event.ProductId, Price = @event.NewPrice, UpdatedAt = DateTimeOffset.MinValue });
            return;
        }

        product.Price = @event.NewPrice;
    }
}
