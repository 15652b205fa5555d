// Payments benchmark: charges through the real inbox path (OrderPlaced then StockReserved per order, simulated
// provider, PostgreSQL), and the card-data filter's scanning rate. Prints throughput and latency percentiles.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ECommerce.Contracts;
using ECommerce.Messaging;
using ECommerce.Messaging.Inbox;
using ECommerce.Messaging.Transport;
using ECommerce.Payments.Persistence;
using ECommerce.ServiceDefaults;
using ECommerce.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Payments.Benchmarks;

/// <summary>Entry point (a class, because the service's own top-level Program is referenced here).</summary>
public static class PaymentsBenchmark
{
    public static async Task Main(string[] args)
    {
        var orders = args.Length > 1 && args[0] == "--orders" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        const int Concurrency = 8;

        var server = await PostgresServer.GetAsync();
        var paymentsDb = await server.CreateDatabaseAsync("payments_bench");
        var messagingDb = await server.CreateDatabaseAsync("messaging_bench");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .UseEnvironment("Production")
            .UseSetting("ConnectionStrings:paymentsdb", paymentsDb)
            .UseSetting("ConnectionStrings:messaging", messagingDb)
            .UseSetting("Messaging:Transport", "postgres")
            .UseSetting("OrderAccess:SigningKey", TestOrderAccess.SigningKey)
            .UseSetting("Logging:LogLevel:Default", "Warning"));
        var host = factory.Services.GetRequiredService<SubscriptionHost<PaymentsDbContext>>();

        Task Deliver(IntegrationEvent e)
        {
            var message = EventSerializer.Serialize(e);
            return host.HandleAsync(new ReceivedMessage(message, message.Type, "payments", 1), CancellationToken.None);
        }

        var latencies = new double[orders];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders)
            {
                var orderId = Guid.NewGuid();
                await Deliver(new OrderPlaced(orderId, "bench", [new OrderLine(Guid.NewGuid(), "SKU", 1, 10m)], "EUR", 10m, "pm_card_visa"));
                var started = Stopwatch.GetTimestamp();
                await Deliver(new StockReserved(orderId, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15)));
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"charges: {orders} orders, {Concurrency} concurrent consumers, {orders / total.Elapsed.TotalSeconds:0} orders/s " +
            $"(OrderPlaced + StockReserved each); charge p50 {latencies[orders / 2]:0.0} ms, p95 {latencies[(int)(orders * 0.95)]:0.0} ms, p99 {latencies[(int)(orders * 0.99)]:0.0} ms");

        // The card-data filter runs on every payments request body: measure it on a realistic refund body.
        var body = Encoding.UTF8.GetBytes("""{"amountMinor":1250,"reason":"Damaged on arrival, order 2024-11-05, ticket 88123, customer asked twice"}""");
        const int Scans = 200_000;
        var scan = Stopwatch.StartNew();
        for (var i = 0; i < Scans; i++)
        {
            _ = CardDataDetector.FindInJson(body);
        }

        scan.Stop();
        Console.WriteLine($"card-data filter: {Scans / scan.Elapsed.TotalSeconds:0} bodies/s ({body.Length} bytes each), {scan.Elapsed.TotalMicroseconds / Scans:0.0} µs per body");
    }
}
