using System.Net;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Products.Domain;
using ECommerce.Products.Inventory;
using ECommerce.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Products.Tests;

public sealed class InventoryTests(ProductsHost host) : IClassFixture<ProductsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hundreds_of_concurrent_orders_for_scarce_stock_never_oversell()
    {
        var products = await host.AddProductsAsync([("Scarce A", "", 1m, "decor", "acme", 40), ("Scarce B", "", 1m, "decor", "acme", 25)]);
        var (a, b) = (products[0].Id, products[1].Id);
        // 300 orders at once: single lines of A, of B, and two-line orders needing both (all-or-nothing).
        var orders = Enumerable.Range(0, 300).Select(i => (OrderId: Guid.NewGuid(), Lines: (i % 3) switch
        {
            0 => new[] { Line(a, 1) },
            1 => [Line(b, 1)],
            _ => [Line(a, 1), Line(b, 2)],
        })).ToList();

        var outcomes = await Task.WhenAll(orders.Select(o => Task.Run(() => PlaceAsync(o.OrderId, o.Lines), Ct)));

        await using var db = host.NewDbContext();
        var stock = await db.Stock.Where(s => s.ProductId == a || s.ProductId == b).ToDictionaryAsync(s => s.ProductId, Ct);
        var held = await db.Reservations.Where(r => r.Status == ReservationStatus.Reserved).SelectMany(r => r.Lines)
            .GroupBy(l => l.ProductId).Select(g => new { g.Key, Quantity = g.Sum(l => l.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Quantity, Ct);
        Assert.Equal(40, stock[a].Available + stock[a].Reserved);
        Assert.Equal(25, stock[b].Available + stock[b].Reserved);
        Assert.Equal(stock[a].Reserved, held.GetValueOrDefault(a));
        Assert.Equal(stock[b].Reserved, held.GetValueOrDefault(b));
        Assert.Equal(0, stock[b].Available); // B is what runs out: every unit of it went to some order
        Assert.Equal(300, outcomes.Length);
        Assert.Equal(outcomes.Count(o => o == ReservationStatus.Reserved), await db.Reservations.CountAsync(r => r.Status == ReservationStatus.Reserved && orders.Select(x => x.OrderId).Contains(r.OrderId), Ct));
    }

    [Fact]
    public async Task Reserving_the_last_unit_twice_reserves_it_once()
    {
        var product = (await host.AddProductsAsync([("Last One", "", 1m, "decor", "acme", 1)]))[0];

        var outcomes = await Task.WhenAll(PlaceAsync(Guid.NewGuid(), [Line(product.Id, 1)]), PlaceAsync(Guid.NewGuid(), [Line(product.Id, 1)]));

        Assert.Equal([ReservationStatus.Reserved, ReservationStatus.Rejected], outcomes.Order());
        Assert.Equal(0, (await StockAsync(product.Id)).Available);
    }

    [Fact]
    public async Task An_order_with_one_unavailable_line_reserves_nothing_and_names_that_line()
    {
        var products = await host.AddProductsAsync([("Plenty", "", 1m, "decor", "acme", 50), ("Few", "", 1m, "decor", "acme", 2)]);
        var orderId = Guid.NewGuid();

        var outcome = await PlaceAsync(orderId, [Line(products[0].Id, 5), Line(products[1].Id, 3)]);

        Assert.Equal(ReservationStatus.Rejected, outcome);
        Assert.Equal(50, (await StockAsync(products[0].Id)).Available);
        var rejected = Assert.Single(await host.PublishedAsync("StockRejected", orderId.ToString()));
        Assert.Contains(products[1].Id.ToString(), rejected);
        Assert.DoesNotContain(products[0].Id.ToString(), rejected);
    }

    [Fact]
    public async Task OrderPlaced_from_the_broker_reserves_stock_and_publishes_StockReserved()
    {
        var product = (await host.AddProductsAsync([("Via Broker", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();

        await host.PublishAsync(new OrderPlaced(orderId, "user-a", [Line(product.Id, 2)], "GBP", 2m, "pm_card_visa"));

        await Eventually(async () => (await host.PublishedAsync("StockReserved", orderId.ToString())).Count == 1);
        Assert.Equal((3, 2), await AvailableAndReservedAsync(product.Id));
    }

    [Fact]
    public async Task Cancelling_twice_releases_once_and_paying_a_cancelled_order_takes_nothing()
    {
        var product = (await host.AddProductsAsync([("Cancel Me", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();
        await PlaceAsync(orderId, [Line(product.Id, 2)]);

        await HandleAsync<OrderCancelledHandler, OrderCancelled>(new OrderCancelled(orderId, "user-a", "payment failed", false));
        await HandleAsync<OrderCancelledHandler, OrderCancelled>(new OrderCancelled(orderId, "user-a", "payment failed", false));
        await HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(orderId, "user-a", [], "GBP", 2m));

        Assert.Equal((5, 0), await AvailableAndReservedAsync(product.Id));
        Assert.Single(await host.PublishedAsync("StockReleased", orderId.ToString()));
    }

    [Fact]
    public async Task A_cancel_that_arrives_before_the_order_means_the_late_order_holds_nothing()
    {
        var product = (await host.AddProductsAsync([("Out Of Order", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();

        await HandleAsync<OrderCancelledHandler, OrderCancelled>(new OrderCancelled(orderId, "user-a", "customer", false));
        await PlaceAsync(orderId, [Line(product.Id, 2)]);

        Assert.Equal((5, 0), await AvailableAndReservedAsync(product.Id));
    }

    [Fact]
    public async Task Paying_commits_the_reservation_which_then_never_expires()
    {
        var product = (await host.AddProductsAsync([("Paid For", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();
        await PlaceAsync(orderId, [Line(product.Id, 2)]);

        await HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(orderId, "user-a", [], "GBP", 2m));
        await HandleAsync<OrderPaidHandler, OrderPaid>(new OrderPaid(orderId, "user-a", [], "GBP", 2m));

        await host.Service<ReservationExpiryService>().SweepOnceAsync(DateTimeOffset.UtcNow.AddDays(1), Ct);
        var stock = await StockAsync(product.Id);
        Assert.Equal((3, 2, 0), (stock.Available, stock.Reserved, stock.Sold));
        Assert.Empty(await host.PublishedAsync("StockReleased", orderId.ToString()));
    }

    [Fact]
    public async Task Expired_reservations_are_released_and_publish_StockReleased()
    {
        var product = (await host.AddProductsAsync([("Expiring", "", 1m, "decor", "acme", 5)]))[0];
        var orderId = Guid.NewGuid();
        await PlaceAsync(orderId, [Line(product.Id, 3)]);

        var sweep = host.Service<ReservationExpiryService>();
        var early = await sweep.SweepOnceAsync(DateTimeOffset.UtcNow, Ct);
        var late = await sweep.SweepOnceAsync(DateTimeOffset.UtcNow.AddHours(1), Ct);

        Assert.Equal(0, early);
        Assert.True(late >= 1);
        Assert.Equal((5, 0), await AvailableAndReservedAsync(product.Id));
        Assert.Contains("expired", Assert.Single(await host.PublishedAsync("StockReleased", orderId.ToString())));
    }

    [Fact]
    public async Task A_stock_adjustment_is_audited_and_cannot_take_stock_below_zero()
    {
        var product = (await host.AddProductsAsync([("Adjusted", "", 1m, "decor", "acme", 3)]))[0];
        using var admin = host.Client(TestTokens.Admin("admin-7"));

        using var delivery = await admin.PostAsJsonAsync($"/api/products/{product.Id}/stock/adjustments", new { delta = 10, reason = "delivery" }, Ct);
        using var tooMany = await admin.PostAsJsonAsync($"/api/products/{product.Id}/stock/adjustments", new { delta = -20, reason = "breakage" }, Ct);
        using var noReason = await admin.PostAsJsonAsync($"/api/products/{product.Id}/stock/adjustments", new { delta = -1 }, Ct);
        var history = await admin.GetJsonAsync($"/api/products/{product.Id}/stock/adjustments");

        Assert.Equal(HttpStatusCode.Created, delivery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var row = Assert.Single(history.EnumerateArray());
        Assert.Equal(("delivery", "admin-7", 13), (row.GetProperty("reason").GetString(), row.GetProperty("actor").GetString(), row.GetProperty("availableAfter").GetInt32()));
        Assert.Equal(13, (await StockAsync(product.Id)).Available);
    }

    [Fact]
    public async Task Low_stock_lists_products_at_or_below_their_reorder_level()
    {
        var products = await host.AddProductsAsync([("Nearly Gone", "", 1m, "decor", "acme", 1), ("Well Stocked", "", 1m, "decor", "acme", 500)]);
        using var admin = host.Client(TestTokens.Admin());

        var low = await admin.GetJsonAsync("/api/products/inventory/low-stock");
        using var bad = await admin.GetAsync("/api/products/inventory/low-stock?threshold=-3", Ct);

        var ids = low.EnumerateArray().Select(l => l.GetProperty("productId").GetGuid()).ToList();
        Assert.Contains(products[0].Id, ids);
        Assert.DoesNotContain(products[1].Id, ids);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static OrderLine Line(Guid productId, int quantity) => new(productId, "sku", quantity, 1m);

    /// <summary>Runs the OrderPlaced handler as the inbox does: one transaction per message, retried on transient failure.</summary>
    private async Task<ReservationStatus> PlaceAsync(Guid orderId, OrderLine[] lines)
    {
        await HandleAsync<OrderPlacedHandler, OrderPlaced>(new OrderPlaced(orderId, "user-a", lines, "GBP", 1m, "pm_card_visa"));
        await using var db = host.NewDbContext();
        return (await db.Reservations.SingleAsync(r => r.OrderId == orderId, Ct)).Status;
    }

    private async Task HandleAsync<THandler, TEvent>(TEvent @event) where THandler : ECommerce.Messaging.IIntegrationEventHandler<TEvent> where TEvent : ECommerce.Messaging.IntegrationEvent
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ECommerce.Products.Persistence.ProductsDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(@event, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, Ct);
    }

    private async Task<StockItem> StockAsync(Guid productId)
    {
        await using var db = host.NewDbContext();
        return await db.Stock.SingleAsync(s => s.ProductId == productId, Ct);
    }

    private async Task<(int, int)> AvailableAndReservedAsync(Guid productId)
    {
        var stock = await StockAsync(productId);
        return (stock.Available, stock.Reserved);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 20 s.");
            await Task.Delay(100, Ct);
        }
    }
}
