using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ECommerce.Contracts;
using ECommerce.Orders.Browse;
using ECommerce.Orders.Checkout;
using ECommerce.Orders.Domain;
using Microsoft.Extensions.Hosting;

namespace ECommerce.Orders.Benchmarks;

/// <summary>
/// Places N orders with C in flight, waits until each is Paid (or Cancelled), and reports checkouts per second to
/// Paid and place→paid percentiles from the orders' own history timestamps (server clocks, not polling resolution).
/// </summary>
public sealed class CheckoutRun(HttpClient client, IReadOnlyList<Guid> productIds, int checkouts, int concurrency)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var placed = new List<Guid>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, checkouts), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var id = await PlaceAsync(productIds[i % productIds.Count], ct);
                lock (placed)
                {
                    placed.Add(id);
                }
            });
        var placing = clock.Elapsed;

        var orders = await WaitForOutcomeAsync(placed, TimeSpan.FromSeconds(120), cancellationToken);
        var paid = orders.Where(o => o.Status == OrderStatus.Paid).ToList();
        var latencies = paid.Select(o => (o.History.First(h => h.To == OrderStatus.Paid).At - o.CreatedAt).TotalMilliseconds).Order().ToList();
        var window = paid.Count == 0 ? TimeSpan.Zero : paid.Max(o => o.History.First(h => h.To == OrderStatus.Paid).At) - orders.Min(o => o.CreatedAt);
        return string.Join(Environment.NewLine,
            $"checkouts placed:        {placed.Count} in {placing.TotalSeconds:F1} s ({placed.Count / placing.TotalSeconds:F1}/s accepted), concurrency {concurrency}",
            $"reached Paid:            {paid.Count}; Cancelled: {orders.Count(o => o.Status == OrderStatus.Cancelled)}; still waiting: {placed.Count - orders.Count}",
            $"checkouts to Paid:       {(window > TimeSpan.Zero ? paid.Count / window.TotalSeconds : 0):F1}/s (first placed → last paid: {window.TotalSeconds:F1} s)",
            $"place → paid p50 / p95:  {Percentile(latencies, 0.50):F0} ms / {Percentile(latencies, 0.95):F0} ms (max {latencies.LastOrDefault():F0} ms)");
    }

    private async Task<Guid> PlaceAsync(Guid productId, CancellationToken cancellationToken)
    {
        var body = new CheckoutRequest([new CheckoutLineRequest(productId, 1)], null,
            new PostalAddress("Bench Mark", "1 Load Lane", null, "London", "N1 1AA", null, "GB", null), "pm_card_visa");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Checkout answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<OrderDetail>(Json, cancellationToken))!.Id;
    }

    /// <summary>Polls the customer's order list (cheap) until every placed order has left Pending/StockReserved, then reads the details.</summary>
    private async Task<List<OrderDetail>> WaitForOutcomeAsync(List<Guid> placed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiting = placed.ToHashSet();
        var deadline = DateTime.UtcNow + timeout;
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, cancellationToken);
            string? after = null;
            do
            {
                var page = await client.GetFromJsonAsync<Page<OrderSummary>>($"/api/orders?limit=100{(after is null ? "" : $"&cursor={after}")}", Json, cancellationToken);
                waiting.ExceptWith(page!.Items.Where(o => o.Status is OrderStatus.Paid or OrderStatus.Cancelled).Select(o => o.Id));
                after = page.Next;
            }
            while (after is not null && waiting.Count > 0);
        }

        var done = placed.Where(id => !waiting.Contains(id)).ToList();
        var details = new List<OrderDetail>();
        foreach (var id in done)
        {
            details.Add((await client.GetFromJsonAsync<OrderDetail>($"/api/orders/{id}", Json, cancellationToken))!);
        }

        return details;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
