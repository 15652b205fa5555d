using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Search.Semantic;

/// <summary>
/// Products consumes its own <c>ProductUpdated</c> (raised by every admin edit, family edit and CSV import, in the
/// same transaction as the change): the embedding follows the product once the outbox delivers it, and the edit
/// itself never waits for the model. Its write commits with the inbox row; every replica's index then picks it up.
/// </summary>
[HandlerName("ProductEmbeddingHandler")]
public sealed class ProductEmbeddingHandler(EmbeddingWriter writer, Microsoft.Extensions.Options.IOptions<SemanticSearchOptions> options)
    : IIntegrationEventHandler<ProductUpdated>
{
    public async Task HandleAsync(ProductUpdated @event, CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await writer.WriteAsync([@event.ProductId], cancellationToken);
        }
    }
}
