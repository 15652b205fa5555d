using System.Diagnostics;
using System.Globalization;
using ECommerce.AI.Datasets;
using ECommerce.AI.Models;
using ECommerce.AI.Training;

// Serving latency: `dotnet run -c Release --project perf/ECommerce.AI.Benchmarks [-- --synthetic] [--requests 20000] [--threads 4]`.
// Trains on the retail dataset when found (else synthetic), loads the models from their stored bytes exactly as the
// service does, then times top-10 "bought together", "similar", "for you" (learned ranker over the candidates) and risk scores.
var requests = int.Parse(ArgValue("--requests") ?? "20000", CultureInfo.InvariantCulture);
var threads = int.Parse(ArgValue("--threads") ?? "4", CultureInfo.InvariantCulture);
var path = args.Contains("--synthetic") ? null : RetailDataset.Locate(Environment.GetEnvironmentVariable("AI_RETAIL_DATA"));
var data = path is null ? SyntheticDataset.Generate() : RetailDataset.Load(path);
var options = new RecommenderOptions();
Console.WriteLine($"data: {(path ?? "synthetic")}; training…");

var trained = RecommenderTraining.Train(data, options, evaluateEveryRanker: false);
var snapshot = RecommenderSnapshot.FromBytes(trained.Snapshot.ToBytes());
var engine = new RecommenderEngine(snapshot, options, snapshot.RankerModel is { } r ? LearnedRanker.Load(r) : null);
var risk = RiskScorer.Load(RiskTraining.Train(data.RiskExamples).Model!);
Console.WriteLine($"items {snapshot.Items.Length:N0}, ranker {snapshot.Ranker}, model {trained.Snapshot.ToBytes().Length / 1024:N0} KiB");

var histories = RecommenderTraining.Histories(data.Purchases, DateTimeOffset.MaxValue).Values.Where(h => h.Count > 0)
    .Select(h => h.OrderByDescending(x => x.At).Take(100).ToList()).ToArray();
var items = snapshot.Items;
var riskInputs = data.RiskExamples.Select(e => e.Features).ToArray();
var now = data.Purchases.Max(p => p.At);

Console.WriteLine();
Console.WriteLine($"| operation | threads | requests | p50 (ms) | p99 (ms) | max (ms) | throughput (req/s) | GC pause (ms) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var t in new[] { 1, threads }.Distinct())
{
    Measure("bought-together top-10", t, i => engine.BoughtTogether(items[i % items.Length], 10));
    Measure("similar top-10", t, i => engine.Similar(items[i % items.Length], 10));
    Measure($"for-you top-10, candidates + co-occurrence scores only", t, i => engine.ForCustomer(histories[i % histories.Length], now, 10, PersonalMode.CoOccurrence));
    Measure($"for-you top-10 ({snapshot.Ranker} over {options.Candidates} candidates)", t, i => engine.ForCustomer(histories[i % histories.Length], now, 10));
    Measure("risk score + reasons", t, i => risk.Score(riskInputs[i % riskInputs.Length]));
}

void Measure(string name, int threadCount, Func<int, object> operation)
{
    for (var i = 0; i < 500; i++)
    {
        operation(i); // warm-up: JIT and the engine pools
    }

    var latencies = new double[requests];
    var next = -1;
    var paused = GC.GetTotalPauseDuration();
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threadCount, new ParallelOptions { MaxDegreeOfParallelism = threadCount }, _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < requests)
        {
            var start = Stopwatch.GetTimestamp();
            operation(i * 7919);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    });
    var elapsed = clock.Elapsed.TotalSeconds;
    var gc = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
    Array.Sort(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {threadCount} | {requests:N0} | {latencies[requests / 2]:0.000} | {latencies[(int)(requests * 0.99)]:0.000} | {latencies[^1]:0.0} | {requests / elapsed:N0} | {gc:0} |"));
}

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
