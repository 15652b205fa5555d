using System.Globalization;
using System.IO.Compression;

namespace ECommerce.LoadGenerator;

/// <summary>A basket a shopper fills: products and quantities.</summary>
public sealed record Basket(IReadOnlyList<(Guid ProductId, int Quantity)> Lines);

/// <summary>
/// Baskets as real shoppers filled them: invoices from the UCI Online Retail dataset whose stock codes are in the
/// catalog (the development seed's SKUs are those stock codes). Without the file — CI machines — baskets are drawn
/// from a fixed random seed with the dataset's typical shape (mostly 1–3 lines, small quantities).
/// </summary>
public static class BasketMixes
{
    // Real invoices are often wholesale (12, 24, 144 units); capped so a short run does not simply empty the shelves.
    private const int MaxQuantity = 3;
    private const int MaxLines = 8;

    /// <summary>
    /// The agreed default, ../shared/data/online_retail.csv.gz from the repository root; like the Products seed it also
    /// looks further up (a worktree sits one level deeper than the main checkout).
    /// </summary>
    public static string? DefaultDatasetPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ECommerce.sln")))
            {
                for (var up = dir.Parent; up is not null; up = up.Parent)
                {
                    var candidate = Path.Combine(up.FullName, "shared", "data", "online_retail.csv.gz");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }

                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "online_retail.csv.gz"));
            }
        }

        return null;
    }

    public static IReadOnlyList<Basket> Load(string? datasetPath, Catalog catalog, int seed, out string source)
    {
        if (datasetPath is not null && File.Exists(datasetPath))
        {
            var baskets = FromDataset(datasetPath, catalog);
            if (baskets.Count > 0)
            {
                source = $"{baskets.Count} invoices from {datasetPath}";
                return baskets;
            }
        }

        source = "synthetic (dataset not found or no overlap with the catalog)";
        return Synthetic(catalog, seed);
    }

    private static List<Basket> FromDataset(string path, Catalog catalog)
    {
        var bySku = catalog.Products.GroupBy(p => p.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var baskets = new List<Basket>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        string? invoice = null;
        var lines = new Dictionary<Guid, int>();
        for (var line = reader.ReadLine(); line is not null && baskets.Count < 20_000; line = reader.ReadLine())
        {
            // InvoiceNo,StockCode,Description,Quantity,... — descriptions may hold quoted commas, but the first two
            // fields and the quantity (counted from the end) do not.
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(',', first + 1);
            var fields = line.Split(',');
            if (second < 0 || fields.Length < 8)
            {
                continue;
            }

            var invoiceNo = line[..first];
            if (invoiceNo != invoice)
            {
                Flush();
                invoice = invoiceNo;
            }

            if (invoiceNo.StartsWith('C') || !bySku.TryGetValue(line[(first + 1)..second], out var id)
                || !int.TryParse(fields[^5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
            {
                continue;
            }

            lines[id] = Math.Min(MaxQuantity, lines.GetValueOrDefault(id) + quantity);
        }

        Flush();
        return baskets;

        void Flush()
        {
            if (lines.Count > 0)
            {
                baskets.Add(new Basket([.. lines.Take(MaxLines).Select(l => (l.Key, l.Value))]));
            }

            lines.Clear();
        }
    }

    private static List<Basket> Synthetic(Catalog catalog, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 5_000).Select(_ =>
        {
            var count = random.NextDouble() switch { < 0.5 => 1, < 0.8 => 2, < 0.95 => 3, _ => 5 };
            return new Basket([.. Enumerable.Range(0, count)
                .Select(_ => catalog.Products[random.Next(catalog.Products.Count)].Id).Distinct()
                .Select(id => (id, random.Next(1, MaxQuantity + 1)))]);
        })];
    }
}
