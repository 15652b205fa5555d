using System.Diagnostics;
using System.Net.Http.Json;
using ECommerce.Contracts;
using ECommerce.Orders.Domain;
using ECommerce.Orders.Fulfilment;
using ECommerce.Orders.Persistence;
using ECommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Orders.Tests;

/// <summary>
/// How an order is read with its details, counted in PostgreSQL statements (Npgsql's own trace of each command): an
/// order with nothing shipped or returned — every order in its saga — is one statement, tracked for a change or read
/// for a view; shipments and returns are read only for an order that has had some, and are then all there.
/// </summary>
[Collection(OrdersCollection.Name)]
public sealed class OrderLoadingTests(OrdersHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_in_its_saga_is_read_in_one_statement_with_its_lines_and_history()
    {
        var token = TestTokens.Customer($"load-{Guid.NewGuid():N}");
        var placed = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(11m), host.Neighbours.AddProduct(12m), host.Neighbours.AddProduct(13m));
        await host.PublishAsync(new StockReserved(placed.Id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
        await host.WaitForStatusAsync(token, placed.Id, OrderStatus.StockReserved);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var (tracked, loadStatements) = await CountStatementsAsync(() => db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == placed.Id), Ct));
        var (viewed, viewStatements) = await CountStatementsAsync(() => db.ViewWithDetailsAsync(db.Orders.Where(o => o.Id == placed.Id), Ct));

        Assert.Equal(1, loadStatements);
        Assert.Equal(1, viewStatements);
        foreach (var order in new[] { tracked!, viewed! })
        {
            Assert.Equal(3, order.Items.Count);
            Assert.Equal([OrderStatus.Pending, OrderStatus.StockReserved], order.History.OrderBy(h => h.At).Select(h => h.To));
            Assert.Empty(order.Shipments);
            Assert.Empty(order.Returns);
        }
    }

    [Fact]
    public async Task Shipments_and_returns_are_read_for_an_order_that_has_some()
    {
        var token = TestTokens.Customer($"load-shipped-{Guid.NewGuid():N}");
        var placed = await host.PlaceOrderAsync(token, host.Neighbours.AddProduct(21m), host.Neighbours.AddProduct(22m));
        await host.PublishAsync(new PaymentSucceeded(placed.Id, Guid.NewGuid(), Money.ToMinor(placed.Total, "GBP"), "GBP"));
        await host.WaitForStatusAsync(token, placed.Id, OrderStatus.Paid);
        using var admin = host.Client(TestTokens.Admin());
        var first = placed.Lines[0];
        using var shipped = await admin.PostAsJsonAsync($"/api/orders/admin/{placed.Id}/shipments",
            new CreateShipmentRequest("dpd", "DPD-LOAD-1", [new ShipmentLineRequest(first.ProductId, first.Quantity)]), Ct);
        shipped.EnsureSuccessStatusCode();

        await using var scope = host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var (tracked, loadStatements) = await CountStatementsAsync(() => db.LoadWithDetailsAsync(db.Orders.Where(o => o.Id == placed.Id), Ct));
        var (viewed, _) = await CountStatementsAsync(() => db.ViewWithDetailsAsync(db.Orders.Where(o => o.Id == placed.Id), Ct));

        Assert.Equal(3, loadStatements);
        foreach (var order in new[] { tracked!, viewed! })
        {
            Assert.Equal(OrderStatus.PartiallyShipped, order.Status);
            Assert.Equal(2, order.Items.Count);
            Assert.Equal("DPD-LOAD-1", Assert.Single(order.Shipments).TrackingNumber);
            Assert.Equal(first.ProductId, Assert.Single(Assert.Single(order.Shipments).Lines).ProductId);
            Assert.Empty(order.Returns);
            Assert.Contains(order.History, h => h.To == OrderStatus.PartiallyShipped);
        }
    }

    /// <summary>Runs <paramref name="read"/> under an activity of its own and counts the Npgsql commands traced beneath it.</summary>
    private static async Task<(T Result, int Statements)> CountStatementsAsync<T>(Func<Task<T>> read)
    {
        using var source = new ActivitySource($"OrderLoadingTests.{Guid.NewGuid():N}");
        var statements = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql" || s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivityTraceId? trace = null;
        listener.ActivityStopped = a =>
        {
            if (a.Source.Name == "Npgsql" && a.TraceId == trace)
            {
                Interlocked.Increment(ref statements);
            }
        };
        ActivitySource.AddActivityListener(listener);

        using var root = source.StartActivity("read")!;
        trace = root.TraceId;
        var result = await read();
        return (result, Volatile.Read(ref statements));
    }
}
