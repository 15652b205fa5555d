using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Products.Domain;
using ECommerce.Products.Inventory;
using ECommerce.Products.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Products.Tests;

/// <summary>Stock after payment: reserved until shipped, sold per shipment, restocked per received return, each once.</summary>
public sealed class StockFulfilmentTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_shipment_moves_its_lines_from_reserved_to_sold_once()
    {
        var products = await host.AddProductsAsync([("Ship A", "", 1m, "decor", "acme", 10), ("Ship B", "", 1m, "decor", "acme", 10)]);
        var (a, b) = (products[0].Id, products[1].Id);
        var orderId = await PaidOrderAsync([Line(a, 3), Line(b, 1)]);
        var first = Shipment(orderId, Guid.NewGuid(), [Line(a, 2)]);

        await HandleAsync<OrderShippedHandler, OrderShipped>(first);
        await HandleAsync<OrderShippedHandler, OrderShipped>(first);
        await HandleAsync<OrderShippedHandler, OrderShipped>(Shipment(orderId, first.ShipmentId!.Value, [Line(a, 2)]));

        Assert.Equal((7, 1, 2), await StockAsync(a));
        Assert.Equal((9, 1, 0), await StockAsync(b));

        await HandleAsync<OrderShippedHandler, OrderShipped>(Shipment(orderId, Guid.NewGuid(), [Line(a, 1), Line(b, 1)]));

        Assert.Equal((7, 0, 3), await StockAsync(a));
        Assert.Equal((9, 0, 1), await StockAsync(b));
    }

    [Fact]
    public async Task A_shipment_handled_before_the_payment_still_sells_the_units()
    {
        var product = (await host.AddProductsAsync([("Early Ship", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();
        await HandleAsync<OrderPlacedHandler, OrderPlaced>(new OrderPlaced(orderId, "user-a", [Line(product.Id, 2)], "GBP", 2m, "pm_card_visa"));

        await HandleAsync<OrderShippedHandler, OrderShipped>(Shipment(orderId, Guid.NewGuid(), [Line(product.Id, 2)]));
        await HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(orderId, "user-a", [], "GBP", 2m));

        Assert.Equal((3, 0, 2), await StockAsync(product.Id));
    }

    [Fact]
    public async Task A_received_return_restocks_only_the_lines_marked_restock_once()
    {
        var products = await host.AddProductsAsync([("Return A", "", 1m, "decor", "acme", 10), ("Return B", "", 1m, "decor", "acme", 10)]);
        var (a, b) = (products[0].Id, products[1].Id);
        var orderId = await PaidOrderAsync([Line(a, 2), Line(b, 2)]);
        await HandleAsync<OrderShippedHandler, OrderShipped>(Shipment(orderId, Guid.NewGuid(), null));
        var received = new ReturnReceived(orderId, "user-a", Guid.NewGuid(),
            [new ReceivedReturnLine(a, "sku", 1, Restock: true), new ReceivedReturnLine(b, "sku", 2, Restock: false)], 300, "GBP");

        await HandleAsync<ReturnReceivedHandler, ReturnReceived>(received);
        await HandleAsync<ReturnReceivedHandler, ReturnReceived>(received);
        await HandleAsync<ReturnReceivedHandler, ReturnReceived>(received with { });

        Assert.Equal((9, 0, 1), await StockAsync(a));
        Assert.Equal((8, 0, 2), await StockAsync(b));
    }

    [Fact]
    public async Task Cancelling_a_paid_unshipped_order_puts_its_reserved_units_back()
    {
        var product = (await host.AddProductsAsync([("Paid Cancel", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = await PaidOrderAsync([Line(product.Id, 2)]);

        await HandleAsync<OrderCancelledHandler, OrderCancelled>(new OrderCancelled(orderId, "user-a", "customer", true));

        Assert.Equal((5, 0, 0), await StockAsync(product.Id));
    }

    private static OrderLine Line(Guid productId, int quantity) => new(productId, "sku", quantity, 1m);

    private static OrderShipped Shipment(Guid orderId, Guid shipmentId, IReadOnlyList<OrderLine>? lines) =>
        new(orderId, "user-a", "TRACK", "Royal Mail", null, shipmentId, lines, OrderComplete: false);

    private async Task<Guid> PaidOrderAsync(OrderLine[] lines)
    {
        var orderId = Guid.NewGuid();
        await HandleAsync<OrderPlacedHandler, OrderPlaced>(new OrderPlaced(orderId, "user-a", lines, "GBP", 1m, "pm_card_visa"));
        await HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(orderId, "user-a", lines, "GBP", 1m));
        await using var db = host.NewDbContext();
        Assert.Equal(ReservationStatus.Committed, (await db.Reservations.SingleAsync(r => r.OrderId == orderId, Ct)).Status);
        return orderId;
    }

    /// <summary>Runs a handler as the inbox does: one transaction per message.</summary>
    private async Task HandleAsync<THandler, TEvent>(TEvent @event) where THandler : IIntegrationEventHandler<TEvent> where TEvent : IntegrationEvent
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(@event, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, Ct);
    }

    private async Task<(int Available, int Reserved, int Sold)> StockAsync(Guid productId)
    {
        await using var db = host.NewDbContext();
        var stock = await db.Stock.SingleAsync(s => s.ProductId == productId, Ct);
        return (stock.Available, stock.Reserved, stock.Sold);
    }
}
