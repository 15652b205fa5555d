using System.Globalization;
using ECommerce.Products.Persistence;
using ECommerce.Products.Search.Semantic;
using Microsoft.EntityFrameworkCore;

namespace ECommerce.Products.Search.Evaluation;

/// <summary>A judged query: its kind (synonym, typo, descriptive, category, exact) and each judged product's grade by SKU.</summary>
public sealed record JudgedQuery(string Kind, string Query, IReadOnlyDictionary<string, int> Grades);

/// <summary>One mode's figures over the judged set: mean NDCG@10 (overall and per kind) and the share of queries finding nothing.</summary>
public sealed record EvaluationResult(string Mode, int Queries, double Ndcg, double ZeroResultRate, IReadOnlyDictionary<string, double> NdcgByKind);

/// <summary>
/// Offline search evaluation: runs each judged query through <see cref="ProductSearch"/> (first page of 10, relevance
/// order) lexically or hybrid and scores the list with NDCG@10 (gain 2^grade − 1). Lists show a family once, so
/// judgements count per list item: a family takes its best variant's grade, in the ideal order as in the results.
/// </summary>
public static class SearchEvaluation
{
    public const int Depth = 10;

    /// <summary><c>services/Products/Search/Evaluation/judged-queries.tsv</c> of the repository holding <paramref name="start"/>.</summary>
    public static string DefaultPath(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? start, "services", "Products", "Search", "Evaluation", "judged-queries.tsv");
    }

    public static List<JudgedQuery> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new JudgedQuery(f[0], f[1], f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(j => j.Split(':'))
                .ToDictionary(j => j[0], j => int.Parse(j[1], CultureInfo.InvariantCulture))))
            .ToList();

    public static async Task<EvaluationResult> RunAsync(
        IServiceProvider services, IReadOnlyList<JudgedQuery> queries, bool semantic, CancellationToken ct, SemanticSearchOptions? settings = null, string? mode = null)
    {
        Dictionary<string, Guid> itemOf;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProductsDbContext>();
            itemOf = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Sku, p => p.FamilyId ?? p.Id, ct);
        }

        var scores = new List<(string Kind, double Ndcg, bool Empty)>();
        foreach (var query in queries)
        {
            await using var scope = services.CreateAsyncScope();
            var ranking = scope.ServiceProvider.GetRequiredService<HybridRanking>();
            ranking.Enabled = semantic;
            ranking.Settings = settings ?? ranking.Settings;
            var filter = new ProductFilter(query.Query, [], [], null, null, false, ProductSort.Relevance, null, Depth, [], []);
            var page = await scope.ServiceProvider.GetRequiredService<ProductSearch>().QueryAsync(filter, ct);

            // Item grades: a family's best judged variant.
            var grades = new Dictionary<Guid, int>();
            foreach (var (sku, grade) in query.Grades)
            {
                if (itemOf.TryGetValue(sku, out var item))
                {
                    grades[item] = Math.Max(grades.GetValueOrDefault(item), grade);
                }
            }

            var found = page.Items.Select(i => grades.GetValueOrDefault(i.FamilyId ?? i.Id)).ToList();
            var ideal = Dcg(grades.Values.OrderDescending().Take(Depth).ToList());
            scores.Add((query.Kind, ideal == 0 ? 0 : Dcg(found) / ideal, page.Facets?.Total == 0));
        }

        return new EvaluationResult(
            mode ?? (semantic ? "hybrid" : "lexical"),
            scores.Count,
            scores.Average(s => s.Ndcg),
            scores.Count(s => s.Empty) / (double)scores.Count,
            scores.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Average(s => s.Ndcg)));
    }

    /// <summary>A Markdown table of the results, one row per mode, with NDCG@10 per kind.</summary>
    public static string Table(params EvaluationResult[] results)
    {
        var kinds = results.SelectMany(r => r.NdcgByKind.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var lines = new List<string>
        {
            $"| mode | queries | NDCG@10 | zero-result rate | {string.Join(" | ", kinds)} |",
            $"| --- | --- | --- | --- |{string.Concat(kinds.Select(_ => " --- |"))}",
        };
        lines.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Mode} | {r.Queries} | {r.Ndcg:F3} | {r.ZeroResultRate:P1} | {string.Join(" | ", kinds.Select(k => r.NdcgByKind.GetValueOrDefault(k).ToString("F3", CultureInfo.InvariantCulture)))} |")));
        return string.Join(Environment.NewLine, lines);
    }

    private static double Dcg(IReadOnlyList<int> grades)
    {
        var dcg = 0d;
        for (var i = 0; i < grades.Count && i < Depth; i++)
        {
            dcg += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        }

        return dcg;
    }
}
