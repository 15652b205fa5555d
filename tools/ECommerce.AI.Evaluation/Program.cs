using System.Diagnostics;
using System.Globalization;
using ECommerce.AI.Datasets;
using ECommerce.AI.Models;
using ECommerce.AI.Training;

// Offline evaluation: `dotnet run -c Release --project tools/ECommerce.AI.Evaluation [-- --data <path to online_retail.csv.gz>] [--synthetic-only]`.
// Prints one markdown table per dataset (HR/precision/recall/NDCG@10 per recommender and the popularity baseline, AUC of the risk model).
var dataPath = ArgValue("--data") ?? Environment.GetEnvironmentVariable("AI_RETAIL_DATA");
var options = new RecommenderOptions();

var datasets = new List<(string Name, Func<TrainingData> Load)>
{
    ("synthetic (seed 42, 1,500 customers, 300 products, 240 days)", () => SyntheticDataset.Generate()),
};
if (!args.Contains("--synthetic-only"))
{
    if (RetailDataset.Locate(dataPath) is { } path)
    {
        datasets.Add(($"UCI Online Retail ({path})", () => RetailDataset.Load(path)));
    }
    else
    {
        Console.WriteLine("online_retail.csv.gz not found (pass --data or AI_RETAIL_DATA); evaluating synthetic data only.");
    }
}

foreach (var (name, load) in datasets)
{
    var clock = Stopwatch.StartNew();
    var data = load();
    var loaded = clock.Elapsed;
    var recommender = RecommenderTraining.Train(data, options);
    var trained = clock.Elapsed - loaded;
    var risk = RiskTraining.Train(data.RiskExamples);

    Console.WriteLine();
    Console.WriteLine($"### {name}");
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{data.Purchases.Count(p => !p.Cancelled):N0} paid orders, {data.Purchases.Select(p => p.CustomerId).Distinct().Count():N0} customers, {data.Catalog.Count:N0} products; holdout = last {options.HoldoutDays} days; load {loaded.TotalSeconds:0.0} s, recommender training + evaluation {trained.TotalSeconds:0.0} s."));
    Console.WriteLine();
    Console.WriteLine("| task | recommender | queries | HR@10 | precision@10 | recall@10 | NDCG@10 |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    foreach (var m in recommender.Metrics)
    {
        var marker = m.Task == RecommenderTraining.PersonalTask && m.Recommender == recommender.Chosen ? " (served)" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {m.Task} | {m.Recommender}{marker} | {m.Queries:N0} | {m.HitRate:0.000} | {m.Precision:0.000} | {m.Recall:0.000} | {m.Ndcg:0.000} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Risk model (FastTree, newest 20% of orders as test): AUC {risk.Auc:0.000} on {risk.TestExamples:N0} orders (trained on {risk.TrainExamples:N0}; positive rate {risk.PositiveRate:P1})."));
}

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
