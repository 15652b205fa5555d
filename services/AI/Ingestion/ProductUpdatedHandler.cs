using ECommerce.AI.Domain;
using ECommerce.AI.Persistence;
using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.AI.Ingestion;

/// <summary>Keeps the product's name, category and active flag; an event older than what is stored is ignored.</summary>
[HandlerName("ProductUpdatedHandler")]
public sealed class ProductUpdatedHandler(AiDbContext db) : IIntegrationEventHandler<ProductUpdated>
{
    public async Task HandleAsync(ProductUpdated @event, CancellationToken cancellationToken)
    {
        var product = await db.Products.FindAsync([@event.ProductId], cancellationToken);
        if (product is null)
        {
            db.Products.Add(product = new StoredProduct { Id = @event.ProductId });
        }
        else if (product.UpdatedAt > @event.OccurredAt)
        {
            return;
        }

        product.Name = @event.Name.Length > 300 ? @event.Name[..300] : @event.Name;
        product.Category = @event.Category.Length > 200 ? @event.Category[..200] : @event.Category;
        product.Active = @event.Active;
        product.UpdatedAt = @event.OccurredAt;
    }
}
