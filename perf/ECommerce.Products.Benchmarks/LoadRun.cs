using System.Diagnostics;

/// <summary>
/// A closed-loop load run: <c>concurrency</c> clients each sending the next request as soon as the last one answered,
/// for a fixed time after a warm-up; latencies are whole round trips as the client sees them.
/// </summary>
internal static class LoadRun
{
    public sealed record Result(double Rps, double P50, double P95, double P99);

    public static async Task<Result> RunAsync(HttpClient client, string url, TimeSpan duration, int concurrency, string? ifNoneMatch)
    {
        // A revalidation must be answered 304 (nothing read from the store); anything else must succeed.
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            return request;
        }

        void Check(HttpResponseMessage response)
        {
            if (ifNoneMatch is null ? !response.IsSuccessStatusCode : response.StatusCode != System.Net.HttpStatusCode.NotModified)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            }
        }

        // Warm-up: JIT, connection pool, and (for the cached run) the cache entry; at most 3 s when each answer is slow.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 20 && (i == 0 || warmUp.Elapsed < TimeSpan.FromSeconds(3)); i++)
        {
            using var warm = await client.SendAsync(Request());
            Check(warm);
        }

        var latencies = new List<double>[concurrency];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (total.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(Request());
                await response.Content.ReadAsByteArrayAsync();
                Check(response);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        total.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(all.Length / total.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.95)], all[(int)(all.Length * 0.99)]);
    }
}
