using System.Globalization;
using System.IO.Compression;
using ECommerce.Products.Csv;

namespace ECommerce.Products.Seeding;

/// <summary>A product as the UCI Online Retail data shows it: code, most-used description, median price, units ordered.</summary>
internal sealed record RetailProduct(string StockCode, string Description, decimal MedianPrice, int UnitsOrdered, int Lines);

/// <summary>Reads the dataset in place (never copied) and summarises it per stock code.</summary>
internal static class RetailDataset
{
    public static async Task<List<RetailProduct>> ReadAsync(string path, CancellationToken ct)
    {
        var byCode = new Dictionary<string, (Dictionary<string, int> Names, List<decimal> Prices, int Units, int Lines)>();
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = true;
        await foreach (var f in CsvReader.ReadAsync(reader, ct))
        {
            if (header)
            {
                header = false;
                continue;
            }

            // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            if (f.Length < 8 || f[0].StartsWith('C')
                || !int.TryParse(f[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0
                || !decimal.TryParse(f[5], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price <= 0
                || f[1].Length == 0 || !char.IsAsciiDigit(f[1][0]) || string.IsNullOrWhiteSpace(f[2]))
            {
                // Cancellations, returns, postage/fees (non-numeric codes) and unnamed rows are not catalog items.
                continue;
            }

            if (!byCode.TryGetValue(f[1], out var entry))
            {
                entry = ([], [], 0, 0);
            }

            var name = f[2].Trim();
            entry.Names[name] = entry.Names.GetValueOrDefault(name) + 1;
            entry.Prices.Add(price);
            byCode[f[1]] = (entry.Names, entry.Prices, entry.Units + quantity, entry.Lines + 1);
        }

        return byCode
            .Select(kv => new RetailProduct(
                kv.Key,
                kv.Value.Names.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key,
                Median(kv.Value.Prices),
                kv.Value.Units,
                kv.Value.Lines))
            .ToList();
    }

    private static decimal Median(List<decimal> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
