using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

using ECommerce.AI.Models;

namespace ECommerce.AI.Datasets;

/// <summary>
/// Reads the UCI Online Retail transactions (read in place, never copied) into training data. Products are stock codes
/// (a stable Guid per code); the category is the description's last word ("HOLDER", "BAG"), the dataset having none.
/// Risk labels are a proxy, since the data has no fraud flag: an invoice is "risky" when the same customer cancels
/// (a 'C' invoice) any of its products within 30 days.
/// </summary>
public static class RetailDataset
{
    public const string FileName = "online_retail.csv.gz";

    /// <summary>The configured path, else <c>../shared/data/online_retail.csv.gz</c> relative to the repository root.</summary>
    public static string? Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? configuredPath : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
            {
                // ../shared/data from the repository root; a git worktree sits one level deeper, so keep climbing.
                for (var root = dir.Parent; root is not null; root = root.Parent)
                {
                    var candidate = Path.Combine(root.FullName, "shared", "data", FileName);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }

        return null;
    }

    public static TrainingData Load(string path)
    {
        var rows = new List<(string Invoice, string Code, string Description, int Quantity, DateTimeOffset At, decimal Price, string Customer)>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = Split(line);
                if (f.Count < 8 || f[6].Length == 0)
                {
                    continue;
                }

                rows.Add((f[0], f[1], f[2].Trim(), int.Parse(f[3], CultureInfo.InvariantCulture),
                    new DateTimeOffset(DateTime.ParseExact(f[4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero),
                    decimal.Parse(f[5], CultureInfo.InvariantCulture), f[6].Split('.')[0]));
            }
        }

        var catalog = rows.Where(r => r.Price > 0 && r.Description.Length > 0).GroupBy(r => r.Code)
            .Select(g => new CatalogItem(IdOf(g.Key), g.First().Description, g.First().Description.Split(' ')[^1], g.Select(r => r.Price).Order().ElementAt(g.Count() / 2)))
            .ToDictionary(c => c.Id);

        var cancellations = rows.Where(r => r.Invoice.StartsWith('C'))
            .Select(r => (r.Customer, r.Code, r.At)).ToLookup(c => (c.Customer, c.Code), c => c.At);
        var purchases = rows.Where(r => !r.Invoice.StartsWith('C') && r.Quantity > 0 && r.Price > 0).GroupBy(r => r.Invoice)
            .Select(g => new Purchase(IdOf("invoice:" + g.Key), g.First().Customer, g.First().At,
                [.. g.Select(r => new PurchaseLine(IdOf(r.Code), r.Quantity, r.Price))]))
            .OrderBy(p => p.At).ToList();
        var codes = rows.GroupBy(r => r.Code).ToDictionary(g => IdOf(g.Key), g => g.Key);

        bool Risky(Purchase p) => p.Lines.Any(l =>
            cancellations[(p.CustomerId, codes[l.ProductId])].Any(at => at >= p.At && at <= p.At.AddDays(30)));

        return new TrainingData(purchases, catalog, [], RiskFeatureBuilder.Examples(purchases, Risky));
    }

    /// <summary>A stable Guid for a stock code (MD5 is used as a hash here, not for security).</summary>
#pragma warning disable CA5351
    private static Guid IdOf(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes(key)));
#pragma warning restore CA5351

    internal static List<string> Split(string line)
    {
        var fields = new List<string>(8);
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
