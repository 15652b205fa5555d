using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.AppHost.Tests.Telemetry;
using SpanKind = ECommerce.AppHost.Tests.Telemetry.Otlp.Span.Types.SpanKind;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// What a developer sees on the dashboard's Traces and Metrics pages (issue 24), read from the telemetry the services
/// really export: one checkout is one trace from the gateway to Paid across the broker, an idle system leaves (almost)
/// no traces, and the store's own metrics are exported by the services that own them.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public class TelemetryTests(WholeSystemFixture system)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>"A handful": what may start on its own in a quiet minute (a timeout sweep acting on an old order, say).</summary>
    private const int IdleTraceAllowance = 5;

    [Fact]
    public async Task A_checkout_is_one_trace_from_the_gateway_through_the_broker_to_paid_and_an_idle_minute_adds_almost_none()
    {
        using var admin = await Shop.AdminAsync(system, Ct);
        var productId = (await Shop.CreateProductAsync(admin, 9.99m, stock: 3, Ct)).GetProperty("id").GetGuid();
        using var customer = await Shop.NewCustomerAsync(system, Ct);
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 1 }], "pm_card_visa", Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ToString();
        var order = await Shop.WaitForOrderAsync(customer, orderId: Guid.Parse(orderId), ["Paid", "Cancelled"], Ct);
        Assert.Equal("Paid", order.GetProperty("status").GetString());

        // The story of the checkout, hop by hop: (service, span name) in the order they happen.
        (string Service, string Name)[] hops =
        [
            ("orders", "OrderPlaced publish"), ("products", "OrderPlaced process"),
            ("products", "StockReserved publish"), ("payments", "StockReserved process"),
            ("payments", "PaymentSucceeded publish"), ("orders", "PaymentSucceeded process"),
        ];
        var spans = await Shop.EventuallyAsync(() => Task.FromResult(OrderSpans(orderId)),
            found => hops.All(h => found.Any(s => s.Service == h.Service && s.Name == h.Name)), Ct);
        var missing = hops.Where(h => !spans.Any(s => s.Service == h.Service && s.Name == h.Name)).ToList();
        Assert.True(missing.Count == 0, $"No span for {string.Join(", ", missing)}; the order's spans: {string.Join("; ", spans)}");

        var traceIds = spans.Select(s => s.TraceId).Distinct().ToList();
        Assert.True(traceIds.Count == 1, $"The checkout's messaging spans are spread over {traceIds.Count} traces: {string.Join("; ", spans)}");
        // Each service exports on its own schedule: the gateway's root span can arrive after the broker hops' spans.
        var trace = await Shop.EventuallyAsync(() => Task.FromResult(system.Telemetry.Spans.Where(s => s.TraceId == traceIds[0]).ToList()),
            found => found.Any(s => s.ParentSpanId is null) && found.Any(s => s.Service == "orders" && s.Kind == SpanKind.Server), Ct);
        var root = Assert.Single(trace, s => s.ParentSpanId is null);
        Assert.Equal(("gateway", SpanKind.Server), (root.Service, root.Kind));
        Assert.Contains(trace, s => s.Service == "orders" && s.Kind == SpanKind.Server);
        Assert.All(spans.Where(s => s.Kind == SpanKind.Consumer), s =>
        {
            Assert.NotNull(s.Attribute("messaging.message.type"));
            Assert.NotNull(s.Attribute("messaging.message.delivery_count"));
        });
        // A quiet minute: let the order's last handlers (OrderPaid in Products and AI) finish, then count new traces.
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        var quietFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromMinutes(1), Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // the exporters' last batch
        var started = system.Telemetry.Spans
            .Where(s => s.ParentSpanId is null && s.Start >= quietFrom && s.Start < quietFrom.AddMinutes(1))
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Idle minute: {started.Count} new traces; the checkout's trace: {trace.Count} spans over {trace.Select(s => s.Service).Distinct().Count()} services.");
        Assert.True(started.Count <= IdleTraceAllowance,
            $"{started.Count} traces started in an idle minute: {string.Join("; ", started.Take(20))}");

        // By now every span of the checkout has ended and been exported (the last handlers, of OrderPaid, end after their
        // queries): each one's parent is in the trace, so the broker hops join publish to process and nothing hangs loose.
        trace = [.. system.Telemetry.Spans.Where(s => s.TraceId == traceIds[0])];
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        Assert.All(trace.Where(s => s.ParentSpanId is not null), s => Assert.Contains(s.ParentSpanId!, ids));
    }

    [Fact]
    public async Task The_store_metrics_are_exported_by_the_services_that_own_them()
    {
        // Some traffic so that counters have something to report: a product read (cache), a checkout.
        using var admin = await Shop.AdminAsync(system, Ct);
        var product = await Shop.CreateProductAsync(admin, 4.50m, stock: 2, Ct);
        using var customer = await Shop.NewCustomerAsync(system, Ct);
        await customer.GetFromJsonAsync<JsonElement>($"/api/products/by-slug/{product.GetProperty("slug").GetString()}", Ct);
        var productId = product.GetProperty("id").GetGuid();
        using var placed = await Shop.PlaceOrderAsync(customer, Guid.NewGuid().ToString(), [new { productId, quantity = 1 }], "pm_card_visa", Ct);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await Shop.WaitForOrderAsync(customer, orderId, ["Paid", "Cancelled"], Ct);

        (string Service, string Metric)[] expected =
        [
            ("orders", "ecommerce.orders.checkouts"), ("orders", "ecommerce.orders.transitions"),
            ("payments", "ecommerce.payments.outcomes"), ("products", "ecommerce.stock.reservations"),
            ("products", "ecommerce.cache.requests"), ("products", "ecommerce.cache.hit_ratio"),
            ("ai", "ecommerce.ai.model.version"),
            ("orders", "ecommerce.outbox.pending"), ("orders", "ecommerce.outbox.age"),
            ("payments", "ecommerce.messaging.consumer.lag"), ("products", "ecommerce.messaging.consumer.backlog"),
            ("orders", "messaging.client.sent.messages"), ("payments", "messaging.client.consumed.messages"),
        ];
        var exported = await Shop.EventuallyAsync(() => Task.FromResult(system.Telemetry.Metrics.ToHashSet()),
            found => expected.All(found.Contains), Ct);
        var missing = expected.Where(e => !exported.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"Not exported: {string.Join(", ", missing)}");
    }

    private List<CollectedSpan> OrderSpans(string orderId) =>
        [.. system.Telemetry.Spans.Where(s => s.Attribute("ecommerce.order.id") == orderId)];
}
