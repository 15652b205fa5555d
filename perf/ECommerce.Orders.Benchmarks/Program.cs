// Checkout benchmark: checkouts per second to Paid and place→paid p50/p95.
//
//   against a running system (Products, Payments with the simulated provider, Orders, Auth behind the gateway):
//     dotnet run -c Release --project perf/ECommerce.Orders.Benchmarks -- --gateway http://localhost:5080 \
//         --token <customer access token> --product <guid> [--product <guid> ...] [--checkouts 200] [--concurrency 8]
//   Orders alone, Products and Payments played by instant responders on the PostgreSQL transport:
//     dotnet run -c Release --project perf/ECommerce.Orders.Benchmarks -- --self-hosted [--checkouts 200] [--concurrency 8]
//   Orders' CPU to read one order with its details, one statement against the five split queries of before:
//     dotnet run -c Release --project perf/ECommerce.Orders.Benchmarks -- --self-hosted --order-loads [--loads 1000]
using System.Globalization;

namespace ECommerce.Orders.Benchmarks;

/// <summary>The command line (a named entry point: the Orders service under test already owns <c>Program</c>).</summary>
internal static class CheckoutBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args);
        }
        catch (Exception e)
        {
            // Returning (rather than crashing) lets the test fixtures stop the PostgreSQL and Redis they started.
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
            .GroupBy(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "")
            .ToDictionary(g => g.Key, g => g.ToList());
        int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v[0], CultureInfo.InvariantCulture) : fallback;

        var checkouts = Number("checkouts", 200);
        var concurrency = Number("concurrency", 8);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        if (options.ContainsKey("self-hosted"))
        {
            await using var orders = new SelfHostedOrders();
            await orders.StartAsync(cancellation.Token);
            // A short warm-up so JIT and connection pools are not measured.
            await new CheckoutRun(orders.Client, [orders.ProductId], 20, concurrency).RunAsync(cancellation.Token);
            if (options.ContainsKey("order-loads"))
            {
                Console.WriteLine($"Orders self-hosted, one paid order read with its details, {Environment.ProcessorCount} cores");
                Console.WriteLine(await OrderLoadRun.RunAsync(orders.Services, Number("loads", 1000), cancellation.Token));
                return 0;
            }

            Console.WriteLine($"Orders self-hosted (Products and Payments simulated by instant responders), {Environment.ProcessorCount} cores");
            Console.WriteLine(await new CheckoutRun(orders.Client, [orders.ProductId], checkouts, concurrency).RunAsync(cancellation.Token));
            return 0;
        }

        if (!options.TryGetValue("gateway", out var gateway) || !options.TryGetValue("token", out var token) || !options.TryGetValue("product", out var products))
        {
            Console.Error.WriteLine("usage: --gateway <url> --token <customer access token> --product <guid> [--product <guid>...] [--checkouts N] [--concurrency C]");
            Console.Error.WriteLine("   or: --self-hosted [--checkouts N] [--concurrency C]");
            return 2;
        }

        using var client = new HttpClient { BaseAddress = new Uri(gateway[0]), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token[0]);
        Console.WriteLine($"Against {gateway[0]}, {products.Count} product(s)");
        Console.WriteLine(await new CheckoutRun(client, [.. products.Select(Guid.Parse)], checkouts, concurrency).RunAsync(cancellation.Token));
        return 0;
    }
}
