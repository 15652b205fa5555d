using ECommerce.Contracts;
using ECommerce.Messaging;

namespace ECommerce.Products.Inventory;

/// <summary>Returned items arrived: the lines marked restock go back on sale, once per return.</summary>
[HandlerName("ReturnReceivedHandler")]
public sealed class ReturnReceivedHandler(StockFulfilment stock) : IIntegrationEventHandler<ReturnReceived>
{
    public Task HandleAsync(ReturnReceived @event, CancellationToken cancellationToken) =>
        stock.RestockAsync(@event.OrderId, @event.ReturnId, @event.Lines, cancellationToken);
}
